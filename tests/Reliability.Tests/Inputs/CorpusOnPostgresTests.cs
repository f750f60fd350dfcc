using Bascule.Load.Providers.Postgres;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// The corpus cases whose text is hardest to store (control characters, noncharacters, markup, quotes, a huge field),
/// through the pipeline into a real PostgreSQL staging database: the same outcome as on SQLite, counted by the
/// reconciliation, which reads the staging database, and the same labels stored.
/// </summary>
public sealed class CorpusOnPostgresTests(PostgresServer postgres)
{
    private const string Labels = """
        SELECT source_file, line, label FROM staged_lines WHERE run_id = @run AND part = 1
        UNION ALL SELECT source_file, line, label FROM unmapped_lines WHERE run_id = @run
        UNION ALL SELECT source_file, line, label FROM legacy_balance WHERE run_id = @run
        UNION ALL SELECT source_file, line, label FROM budget_articles WHERE run_id = @run
        UNION ALL SELECT source_file, line, label FROM commitments WHERE run_id = @run
        UNION ALL SELECT source_file, line, name FROM third_parties WHERE run_id = @run
        """;

    [Theory]
    [InlineData("valid")]
    [InlineData("control-characters")]
    [InlineData("unicode-noncharacters")]
    [InlineData("deeply-quoted-fields")]
    [InlineData("quoted-spaces-and-line-ends")]
    [InlineData("html-injection")]
    [InlineData("formula-injection")]
    public async Task Text_heavy_cases_get_the_same_outcome_on_PostgreSQL(string name)
    {
        var expected = CorpusCase.Load(name);
        using var work = new TempDirectory();
        var export = work.Combine("export");
        expected.CopyTo(export);
        var connection = await postgres.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connection);

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
        var labels = await LabelsAsync(connection, result!.RunId.Value);
        foreach (var label in expected.Labels ?? [])
        {
            Assert.Contains(label, labels);
        }

        ReportSafety.Check(result.Reports, expected.Injected);
        Tally.InputTried(read, 0);
    }

    // The labels as PostgreSQL stored them, read with plain SQL as on SQLite (a third party's name stands for its label).
    private static async Task<List<ExpectedLabel>> LabelsAsync(string connectionString, string run)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(Labels, connection);
        command.Parameters.AddWithValue("run", run);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var labels = new List<ExpectedLabel>();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            labels.Add(new ExpectedLabel(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)));
        }

        return labels;
    }
}
