using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Microsoft.Data.Sqlite;

namespace Bascule.Load.Tests.Staging;

public sealed class SqliteStagingTests : StagingTests
{
    private SqliteConnection? _lockHolder;

    protected override Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions options)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Temp.Combine($"staging-{Guid.NewGuid():N}.db") };
        if (options.ShortLockTimeout)
        {
            builder.DefaultTimeout = 1;
        }

        return Task.FromResult<IStagingProvider>(new SqliteStagingProvider(builder.ConnectionString));
    }

    // Another connection holds the write lock during the first attempt (SQLITE_BUSY once the busy timeout runs out),
    // and lets it go before the second.
    protected override Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider) =>
        async (attempt, ct) =>
        {
            if (attempt.Batch != batch)
            {
                return;
            }

            if (attempt.Attempt == 1)
            {
                _lockHolder = (SqliteConnection)await provider.OpenAsync(ct);
                using var command = _lockHolder.CreateCommand();
                command.CommandText = "BEGIN IMMEDIATE";
                await command.ExecuteNonQueryAsync(ct);
            }
            else if (_lockHolder is not null)
            {
                // The pooled connection would keep a raw BEGIN's lock: end the transaction before handing it back.
                using (var command = _lockHolder.CreateCommand())
                {
                    command.CommandText = "ROLLBACK";
                    await command.ExecuteNonQueryAsync(ct);
                }

                await _lockHolder.DisposeAsync();
                _lockHolder = null;
            }
        };
}
