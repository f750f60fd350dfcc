using System.Data.Common;
using System.Runtime.CompilerServices;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Dapper;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// Runs one query for a run (parameter <c>@run</c>) and reads its rows by column name into <c>T</c> (Dapper), amounts
/// through the provider's type handlers (cents or decimals, as the provider stores them; see <see cref="StagingTypeHandlers"/>).
/// </summary>
internal sealed class StagingReader(DbConnection connection, RunId run)
{
    public Task<List<T>> RowsAsync<T>(string sql, CancellationToken cancellationToken)
        => RowsAsync<T>(sql, new { run = run.Value }, cancellationToken);

    /// <summary>A query with parameters of its own (<paramref name="parameters"/>, which name <c>@run</c> if they need it).</summary>
    public async Task<List<T>> RowsAsync<T>(string sql, object parameters, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))).AsList();

    /// <summary>The rows one at a time, for a query whose rows are too many to hold (a run's ledger).</summary>
    public async IAsyncEnumerable<T> StreamAsync<T>(string sql, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = await connection.ExecuteReaderAsync(
            new CommandDefinition(sql, new { run = run.Value }, cancellationToken: cancellationToken));
        var parse = reader.GetRowParser<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return parse(reader);
        }
    }
}
