using Bascule.Load.Providers;
using Xunit;

namespace Bascule.TestSupport.Staging;

/// <summary>
/// The base of a suite run once per staging engine, as Dapper's <c>TestBase&lt;TProvider&gt;</c>: the engine comes as a
/// class fixture, each test asks it for a fresh database, and a folder of the test's own is deleted when it ends.
/// </summary>
public abstract class StagingSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncDisposable
    where TDatabase : StagingDatabase
{
    private readonly List<IStagingProvider> _providers = [];

    protected TDatabase Database => database;

    protected TempDirectory Temp { get; } = new();

    /// <summary>The provider's name as <c>--provider</c> takes it.</summary>
    protected string Provider => database.Provider;

    /// <summary>The provider's folder of schema scripts.</summary>
    protected string Folder => database.Schema.Folder;

    /// <summary>The provider's own <c>schema_version</c> table, as its schema check creates it before the first script.</summary>
    protected string SchemaVersionTable => database.Schema.VersionTable;

    /// <summary>A provider on a new, empty database of this test; the test disposes it.</summary>
    protected Task<IStagingProvider> CreateProviderAsync() => database.CreateProviderAsync();

    /// <summary>A provider on a new, empty database of this test, disposed when the test ends.</summary>
    protected async Task<IStagingProvider> NewProviderAsync(StagingProviderOptions? options = null)
    {
        var provider = await database.CreateProviderAsync(options);
        _providers.Add(provider);
        return provider;
    }

    /// <summary>A new, empty database of this test, as <c>--connection</c> takes it.</summary>
    protected Task<string> CreateConnectionAsync() => database.CreateAsync();

    /// <summary>
    /// A provider on <paramref name="connection"/> as the command line opens it from <c>--provider</c> and <c>--connection</c>;
    /// the caller disposes it.
    /// </summary>
    protected IStagingProvider Open(string connection) => StagingProviders.Create(Provider, connection, Temp.Combine("out"));

    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore();
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the test's providers and deletes its folder; a suite that started more extends it.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        Temp.Dispose();
    }
}
