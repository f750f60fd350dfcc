using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>The real migration of one export folder into a fresh SQLite staging file (or a given provider), reports written next to
/// it.</summary>
internal static class SqlitePipeline
{
    public static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    public static string Database(string work) => Path.Combine(work, "staging.db");

    /// <summary>The result of a published run, or the <see cref="MigrationFailedException"/> of a run that was refused or failed.</summary>
    public static async Task<(MigrationResult? Result, MigrationFailedException? Failure)> RunAsync(
        string export,
        string work,
        CancellationToken cancellationToken)
    {
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(Database(work), work));
        return await RunAsync(provider, export, work, cancellationToken);
    }

    public static async Task<(MigrationResult? Result, MigrationFailedException? Failure)> RunAsync(
        IStagingProvider provider,
        string export,
        string work,
        CancellationToken cancellationToken)
    {
        var request = new MigrationRequest(
            export,
            Mapping,
            Path.Combine(work, "reports"),
            Path.Combine(work, "out"),
            new StagingOptions { BatchSize = 4 });
        try
        {
            return (await new MigrationPipeline(provider).RunAsync(request, cancellationToken), null);
        }
        catch (MigrationFailedException failure)
        {
            return (null, failure);
        }
    }
}
