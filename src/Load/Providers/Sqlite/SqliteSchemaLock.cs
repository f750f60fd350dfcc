using System.Data.Common;
using Bascule.Load.Schema;
using Dapper;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// SQLite's schema lock is the file's write lock: the upgrade's transaction begins IMMEDIATE, so a second process
/// upgrading waits for it. A database already up to date takes no write lock at all, which a run loading the file
/// holds for most of its time: a second run reads the lease of the first without waiting for it (and a run frozen
/// mid-batch blocks no one).
/// </summary>
internal sealed class SqliteSchemaLock : SchemaLock
{
    /// <summary>The page size of a staging file Bascule creates.</summary>
    public const int PageSize = 8192;

    public override async Task<bool> IsCurrentAsync(
        DbConnection connection, IReadOnlyList<SchemaScript> scripts, CancellationToken cancellationToken)
    {
        var hasTable = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'", cancellationToken: cancellationToken));
        if (hasTable == 0)
        {
            return false;
        }

        var applied = (await connection.QueryAsync<int>(
            new CommandDefinition("SELECT version FROM schema_version", cancellationToken: cancellationToken))).ToHashSet();
        return scripts.All(s => applied.Contains(s.Version))
            && await connection.ExecuteScalarAsync<string>(
                new CommandDefinition("PRAGMA journal_mode", cancellationToken: cancellationToken)) == "wal";
    }

    // A new file's pages are 8 KB (SQLite's default is 4 KB): a staged line is about 350 bytes, and a load writes and logs
    // half as many pages. The page size must come before WAL; on a file that already has tables, SQLite ignores it, and the
    // file keeps its pages.
    public override Task BeforeUpgradeAsync(DbConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            new CommandDefinition($"PRAGMA page_size = {PageSize}; PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken));

    // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's transaction) has taken the write lock already.
    public override Task AcquireAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;
}
