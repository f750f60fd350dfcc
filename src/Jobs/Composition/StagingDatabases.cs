using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Bascule.Load.Providers;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Bascule.Jobs.Composition;

/// <summary>
/// The staging databases of this process: one provider per target (provider, connection and output folder), created
/// on first use and kept for the process's life, so its connection pool and schema upgrade are shared by every use.
/// A command's <c>--provider</c> and <c>--connection</c> win over the settings.
/// </summary>
public sealed class StagingDatabases(IOptions<StagingDatabaseOptions> staging, IOptions<OutputOptions> output) :
    IDisposable,
    IAsyncDisposable
{
    private readonly ConcurrentDictionary<StagingTarget, Lazy<Opened>> _opened = new();

    /// <summary>The target the options name, each falling back to its setting.</summary>
    public StagingTarget Target(string? provider, string? connection) => new(
        string.IsNullOrWhiteSpace(provider) ? staging.Value.Provider : provider,
        string.IsNullOrWhiteSpace(connection) ? staging.Value.Connection : connection,
        output.Value.Root);

    /// <summary>
    /// The provider of <paramref name="target"/> with its schema up to date (upgraded once per process). Throws
    /// <see cref="ArgumentException"/> with a message for the user when the target cannot be used.
    /// </summary>
    public async Task<IStagingProvider> OpenAsync(StagingTarget target, CancellationToken cancellationToken)
    {
        var opened = Get(target);
        await opened.EnsureSchemaAsync(cancellationToken);
        return opened.Provider;
    }

    /// <summary>
    /// The provider of <paramref name="target"/> without touching the database: for <c>migrate</c>, which checks the
    /// export and the mapping before it writes anything, even a schema. Throws <see cref="ArgumentException"/> as above.
    /// </summary>
    public IStagingProvider Provider(StagingTarget target) => Get(target).Provider;

    /// <summary>
    /// The provider of the options, or null after telling the user why it cannot be used (the message scrubbed of the
    /// connection string's secrets). Database faults while upgrading the schema are the caller's to report.
    /// </summary>
    public async Task<IStagingProvider?> TryOpenAsync(
        IAnsiConsole console,
        string? provider,
        string? connection,
        CancellationToken cancellationToken)
    {
        var target = Target(provider, connection);
        try
        {
            return await OpenAsync(target, cancellationToken);
        }
        catch (ArgumentException ex)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{Scrub(ex.Message, target)}[/]");
            return null;
        }
    }

    /// <summary>A message fit to show: the target's secrets masked, even when no provider could be created.</summary>
    public static string Scrub(string message, StagingTarget target) => ConnectionText.Scrub(message, target.Connection);

    /// <summary>
    /// What to tell the user when a command failed on <paramref name="target"/>: Bascule's own messages (an unknown run,
    /// a provider that needs a connection) as they are; a fault of the database itself (refused login, server not
    /// reachable, unreadable file) with the database it came from and what to check. Secrets masked.
    /// </summary>
    public string Explain(Exception exception, StagingTarget target)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(target);
        if (exception is not DbException)
        {
            return Scrub(exception.Message, target);
        }

        var where = _opened.TryGetValue(target, out var opened) && opened.IsValueCreated
            ? opened.Value.Provider.Target
            : $"{target.Provider} {ConnectionText.Describe(target.Connection)}";
        var check = StagingProviderKinds.TryParse(target.Provider, out var kind) && kind == StagingProviderKind.Sqlite
            ? "Check --connection (setting Staging:Connection): the file must be a Bascule staging database that this account can read "
                + "and write."
            : "Check --provider and --connection (settings Staging:Provider and Staging:Connection): the server must be reachable and the "
                + "account's name and password right.";
        return Scrub($"The staging database {where} could not be used: {Cli.CommandFailures.Sentence(exception.Message)} {check}", target);
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        foreach (var opened in _opened.Values.Where(o => o.IsValueCreated))
        {
            await opened.Value.Provider.DisposeAsync();
        }

        _opened.Clear();
    }

    private Opened Get(StagingTarget target)
    {
        try
        {
            return _opened.GetOrAdd(target, t => new Lazy<Opened>(() => new Opened(t.Open()))).Value;
        }
        catch (ArgumentException)
        {
            // A target that cannot be used is not remembered: the next use says why again.
            _opened.TryRemove(target, out _);
            throw;
        }
    }

    // The schema is brought up to date once; an attempt that failed or was cancelled is made again by the next use.
    private sealed class Opened(IStagingProvider provider)
    {
        private readonly Lock _lock = new();
        private Task? _upgrade;

        public IStagingProvider Provider => provider;

        public Task EnsureSchemaAsync(CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (_upgrade is null || _upgrade.IsFaulted || _upgrade.IsCanceled)
                {
                    _upgrade = provider.EnsureSchemaAsync(cancellationToken);
                }

                return _upgrade;
            }
        }
    }
}
