using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Rows;
using Bascule.Load.Schema;
using Microsoft.Data.Sqlite;

namespace Bascule.TestSupport.Staging;

/// <summary>SQLite: one file per test in a folder of the suite's own, always available.</summary>
public sealed class SqliteDatabase : StagingDatabase
{
    private readonly TempDirectory _folder = new();

    public override StagingProviderKind Kind => StagingProviderKind.Sqlite;

    public override SchemaRunner Schema => SqliteStagingProvider.Schema;

    public override string? SkipReason => null;

    public override string IndexesSql => "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = @table";

    public override string ColumnsSql => "SELECT name, type FROM pragma_table_info(@table) ORDER BY cid";

    /// <summary>The path of a new database file: SQLite creates it on first use.</summary>
    public override Task<string> CreateAsync() => Task.FromResult(_folder.Combine($"staging-{Guid.NewGuid():N}.db"));

    public override async Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions? options = null)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = await CreateAsync() };
        if (options?.ShortLockTimeout == true)
        {
            builder.DefaultTimeout = 1;
        }

        return new SqliteStagingProvider(builder.ConnectionString);
    }

    // Amounts are whole cents, dates ISO text.
    public override bool Stores(ColumnKind kind, string type) => type == kind switch
    {
        ColumnKind.Text or ColumnKind.Day => "TEXT",
        _ => "INTEGER",
    };

    // Another connection holds the write lock during the first attempt (SQLITE_BUSY once the busy timeout runs out),
    // and lets it go before the second.
    public override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider)
    {
        SqliteConnection? lockHolder = null;
        return async (attempt, ct) =>
        {
            if (attempt.Batch != batch)
            {
                return;
            }

            if (attempt.Attempt == 1)
            {
                lockHolder = (SqliteConnection)await provider.OpenAsync(ct);
                using var command = lockHolder.CreateCommand();
                command.CommandText = "BEGIN IMMEDIATE";
                await command.ExecuteNonQueryAsync(ct);
            }
            else if (lockHolder is not null)
            {
                // The pooled connection would keep a raw BEGIN's lock: end the transaction before handing it back.
                using (var command = lockHolder.CreateCommand())
                {
                    command.CommandText = "ROLLBACK";
                    await command.ExecuteNonQueryAsync(ct);
                }

                await lockHolder.DisposeAsync();
                lockHolder = null;
            }
        };
    }

    public override ValueTask DisposeAsync()
    {
        _folder.Dispose();
        return base.DisposeAsync();
    }
}
