using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Rows;
using Bascule.Load.Schema;
using Dapper;
using Xunit;

namespace Bascule.TestSupport.Staging;

/// <summary>
/// One staging database engine the provider suites run on, as Dapper's <c>DatabaseProvider</c>: each test asks it for a
/// fresh, empty database of its own (a provider on it, or the connection text <c>--connection</c> takes), and a test
/// whose engine is not reachable here is skipped with the reason. A suite takes it as a class fixture
/// (<see cref="StagingSuite{TDatabase}"/>), so each provider's suite is a one-line subclass.
/// </summary>
public abstract class StagingDatabase : IAsyncDisposable
{
    public abstract StagingProviderKind Kind { get; }

    /// <summary>The provider's name as <c>--provider</c> and <c>Staging:Provider</c> take it.</summary>
    public string Provider => Kind.ToCode();

    /// <summary>The provider's schema: its scripts' folder, its version table and its upgrade.</summary>
    public abstract SchemaRunner Schema { get; }

    /// <summary>Why this engine cannot be had here (what was tried), or null when it can.</summary>
    public abstract string? SkipReason { get; }

    /// <summary>The names of the indexes on one table (parameter <c>@table</c>).</summary>
    public abstract string IndexesSql { get; }

    /// <summary>
    /// The columns of one table in their order, as <c>name</c> and <c>type</c> (parameter <c>@table</c>), read from the catalog.
    /// </summary>
    public abstract string ColumnsSql { get; }

    /// <summary>Skips the calling test, with the reason, when this engine cannot be had here.</summary>
    public void SkipIfUnavailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>A fresh, empty database for one test: its connection as <c>--connection</c> takes it.</summary>
    public abstract Task<string> CreateAsync();

    /// <summary>A provider on a fresh, empty database of one test; the test disposes it.</summary>
    public abstract Task<IStagingProvider> CreateProviderAsync(StagingProviderOptions? options = null);

    /// <summary>True when the catalog type <paramref name="type"/> is how this engine stores a column of <paramref name="kind"/>.</summary>
    public abstract bool Stores(ColumnKind kind, string type);

    /// <summary>
    /// A hook that makes the first attempt of the given batch meet a real transient fault of this engine (a lock held, a
    /// session killed), then lets the next attempt through.
    /// </summary>
    public abstract Func<BatchAttempt, CancellationToken, ValueTask> TransientFaultAt(int batch, IStagingProvider provider);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    public override string ToString() => Provider;

    /// <summary>A provider on a new SQLite file in <paramref name="folder"/>, for the tests that need SQLite alone.</summary>
    public static IStagingProvider Sqlite(TempDirectory folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var file = folder.Combine($"staging-{Guid.NewGuid():N}.db");
        return new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(file, folder.Path));
    }

    /// <summary>Runs plain SQL on a provider's database: how tests damage a run behind the pipeline's back.</summary>
    public static async Task<int> ExecuteAsync(IStagingProvider provider, string sql, object? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteAsync(
            new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken));
    }

    /// <summary>The one value a query returns; a query that returns nothing fails the test.</summary>
    public static async Task<T> ScalarAsync<T>(IStagingProvider provider, string sql, object? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<T>(
                new CommandDefinition(sql, parameters, cancellationToken: TestContext.Current.CancellationToken))
            ?? throw new InvalidOperationException(sql + " returned nothing.");
    }
}
