using System.Data.Common;
using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Dapper;

namespace Bascule.Load.Reconciliation;

/// <summary>Runs one reconciliation query for a run and reads its rows, amounts through the provider (cents or decimals).</summary>
internal sealed class StagingQuery(IStagingProvider provider, DbConnection connection, RunId run)
{
    public async Task<List<T>> RowsAsync<T>(string sql, Func<Reader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, new { run = run.Value }, cancellationToken: cancellationToken));
        var row = new Reader(provider, reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(row));
        }

        return rows;
    }

    public async Task<T> SingleAsync<T>(string sql, Func<Reader, T> read, CancellationToken cancellationToken) =>
        (await RowsAsync(sql, read, cancellationToken)).Single();

    /// <summary>Typed access to the current row; a NULL sum reads as zero.</summary>
    internal sealed class Reader(IStagingProvider provider, DbDataReader reader)
    {
        public string Text(int i) => reader.IsDBNull(i) ? "" : reader.GetString(i);

        public long Count(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);

        public long? OptionalCount(int i) => reader.IsDBNull(i) ? null : Count(i);

        public Amount Amount(int i) => reader.IsDBNull(i) ? Extract.Values.Amount.Zero : provider.ReadAmount(reader, i);

        public Amount? OptionalAmount(int i) => reader.IsDBNull(i) ? null : provider.ReadAmount(reader, i);
    }
}
