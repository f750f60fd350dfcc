using System.Data.Common;
using System.Globalization;
using Bascule.Load.Providers;
using Dapper;

namespace Bascule.Reconcile.Staging;

/// <summary>Runs one query for a run (parameter <c>@run</c>) and reads its rows, amounts through the provider (cents or decimals).</summary>
internal sealed class StagingReader(IStagingProvider provider, DbConnection connection, string run)
{
    public Task<List<T>> RowsAsync<T>(string sql, Func<Row, T> read, CancellationToken cancellationToken) =>
        RowsAsync(sql, new { run }, read, cancellationToken);

    /// <summary>A query with parameters of its own (<paramref name="parameters"/>, which name <c>@run</c> if they need it).</summary>
    public async Task<List<T>> RowsAsync<T>(string sql, object parameters, Func<Row, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        var row = new Row(provider, reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(row));
        }

        return rows;
    }

    /// <summary>Typed access to the current row; a NULL sum reads as zero.</summary>
    internal sealed class Row(IStagingProvider provider, DbDataReader reader)
    {
        public string Text(int i) => reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";

        public string? OptionalText(int i) => reader.IsDBNull(i) ? null : Text(i);

        public long Count(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

        public long? OptionalCount(int i) => reader.IsDBNull(i) ? null : Count(i);

        public decimal Money(int i) => reader.IsDBNull(i) ? 0m : provider.ReadAmount(reader, i).Value;

        public decimal? OptionalMoney(int i) => reader.IsDBNull(i) ? null : Money(i);

        public DateOnly Date(int i) => Load.Runs.StoredDate.Parse(reader.GetValue(i));

        public DateTime? Time(int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
        {
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            DateTimeOffset offset => offset.UtcDateTime,
            var other => DateTime.Parse(Convert.ToString(other, CultureInfo.InvariantCulture)!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        };
    }
}
