using Bascule.Load.Providers.Postgres;
using Bascule.Load.Runs;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// The corpus cases whose text is hardest to store (control characters, noncharacters, markup, quotes, a huge field),
/// through the pipeline into a real PostgreSQL staging database: the same outcome as on SQLite, counted by the
/// reconciliation, which reads the staging database.
/// </summary>
public sealed class CorpusOnPostgresTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("valid")]
    [InlineData("control-characters")]
    [InlineData("unicode-noncharacters")]
    [InlineData("deeply-quoted-fields")]
    [InlineData("html-injection")]
    [InlineData("formula-injection")]
    public async Task Text_heavy_cases_get_the_same_outcome_on_PostgreSQL(string name)
    {
        var expected = CorpusCase.Load(name);
        using var work = new TempDirectory();
        var export = work.Combine("export");
        expected.CopyTo(export);
        await using var provider = new PostgresStagingProvider(await postgres.CreateDatabaseAsync());

        var (result, failure) = await SqlitePipeline.RunAsync(provider, export, work.Path, TestContext.Current.CancellationToken);

        Assert.True(failure is null, $"{name} must complete on PostgreSQL, but failed: {failure?.Message}");
        long read = 0;
        foreach (var (file, counts) in expected.Files!)
        {
            var reconciled = result!.Reconciliation.SourceFiles.Single(f => f.Name == file);
            Assert.Equal(counts, new ExpectedFile(reconciled.Lines, reconciled.Staged, reconciled.Unmapped, reconciled.Rejected));
            read += reconciled.Lines;
        }

        var run = Assert.Single(await RunList.ReadAsync(provider, TestContext.Current.CancellationToken));
        // A case whose reconciliation is FAILED is held (complete, rows kept for its reports), not published.
        Assert.Equal(expected.FailedChecks is { Count: > 0 } ? RunStatus.Held : RunStatus.Published, run.Status);
        ReportSafety.Check(result!.Reports, expected.Injected);
        Tally.InputTried(read, 0);
    }
}
