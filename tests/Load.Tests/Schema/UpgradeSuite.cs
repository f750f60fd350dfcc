using System.Data.Common;
using Bascule.Load.Providers;
using Bascule.Load.Schema;
using Bascule.TestSupport.Staging;

namespace Bascule.Load.Tests.Schema;

/// <summary>
/// The base of the schema upgrade suites: a database made by an older version of Bascule (some of the scripts, and rows
/// as the code of that version wrote them), which the test then upgrades with the provider's ordinary schema check and
/// checks.
/// </summary>
public abstract class UpgradeSuite<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    /// <summary>
    /// Applies the provider's scripts that <paramref name="scripts"/> keeps, then lets <paramref name="write"/> write rows
    /// as the code of that version did, in one transaction.
    /// </summary>
    protected async Task CreateOldSchemaAsync(
        IStagingProvider provider,
        Func<SchemaScript, bool> scripts,
        Func<DbConnection, DbTransaction, CancellationToken, Task>? write = null)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = await provider.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await Database.Schema.ApplyAsync(connection, transaction, [.. Database.Schema.Scripts.Where(scripts)], ct);
        if (write is not null)
        {
            await write(connection, transaction, ct);
        }

        await transaction.CommitAsync(ct);
    }
}
