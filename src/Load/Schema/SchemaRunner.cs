using System.Data.Common;
using Dapper;

namespace Bascule.Load.Schema;

/// <summary>
/// Creates or upgrades a provider's staging schema to its newest script: one connection, one transaction holding the
/// provider's <see cref="SchemaLock"/>, the version table created when missing, then every script not yet recorded in it.
/// Safe to call concurrently and repeatedly.
/// </summary>
public sealed class SchemaRunner(string folder, string versionTable, SchemaLock schemaLock)
{
    /// <summary>The provider's folder of schema scripts (<c>sqlite</c>, <c>postgres</c>, <c>sqlserver</c>).</summary>
    public string Folder => folder;

    /// <summary>The statement that creates the provider's <c>schema_version</c> table when missing, before the first script.</summary>
    public string VersionTable => versionTable;

    public IReadOnlyList<SchemaScript> Scripts => SchemaScripts.For(folder);

    public async Task EnsureAsync(Func<CancellationToken, Task<DbConnection>> open, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        await using var connection = await open(cancellationToken);
        var scripts = Scripts;
        if (await schemaLock.IsCurrentAsync(connection, scripts, cancellationToken))
        {
            return;
        }

        await schemaLock.BeforeUpgradeAsync(connection, cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await schemaLock.AcquireAsync(connection, transaction, cancellationToken);
        await ApplyAsync(connection, transaction, scripts, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Creates the version table when missing and applies those of <paramref name="scripts"/> not yet recorded, inside the
    /// caller's transaction; the caller holds the lock (or, as the upgrade tests do, owns the database alone).
    /// </summary>
    public async Task<int> ApplyAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await connection.ExecuteAsync(new CommandDefinition(versionTable, transaction: transaction, cancellationToken: cancellationToken));
        return await SchemaUpgrader.ApplyAsync(connection, transaction, scripts, cancellationToken);
    }
}
