using Bascule.Extract;
using Bascule.Reconcile.Model;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// The bad-input corpus, end to end: every case folder under <c>Corpus/</c> goes through the real pipeline into a
/// fresh SQLite staging file and must get the outcome its <c>expected.json</c> states: a file-level error that
/// publishes nothing and leaves the staging database as it was (a published run of the valid export stays the one
/// published), or a completed run (published, or held when its reconciliation is FAILED) whose every line read is
/// staged, unmapped or rejected exactly once, counted from the staging database itself. The reports of every completed
/// run must stay safe to open.
/// </summary>
public sealed class CorpusTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => [.. CorpusCase.Names()];

    [Fact]
    public void The_corpus_has_a_case_for_each_fault_and_every_case_is_readable()
    {
        var cases = CorpusCase.Names().Select(CorpusCase.Load).ToList();

        Assert.True(cases.Count >= 40, $"only {cases.Count} cases");
        Assert.Contains(cases, c => c.IsFileError);
        foreach (var reason in Enum.GetNames<Extract.Records.RejectReason>().Where(r => r != "UnbalancedDocument"))
        {
            Assert.Contains(cases, c => c.Rejects?.Any(r => r.Reason == reason) == true);
        }

        Assert.Contains(cases, c => c.UnbalancedDocuments?.Count > 0);
        var readme = File.ReadAllText(Path.Combine(CorpusCase.Root, "README.md"));
        Assert.All(cases, c => Assert.Contains($"`{c.Case}`", readme, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_case_gets_its_expected_outcome_and_loses_no_line(string name)
    {
        var expected = CorpusCase.Load(name);
        using var work = new TempDirectory();
        var export = work.Combine("export");
        expected.CopyTo(export);

        if (expected.IsFileError)
        {
            // A refused export must leave the staging database exactly as it was: here, holding a published run of the valid export.
            var (published, _) = await SqlitePipeline.RunAsync(Valid(work), work.Path, TestContext.Current.CancellationToken);
            Assert.NotNull(published);
            var before = await StagingReadBack.StateAsync(SqlitePipeline.Database(work.Path));
            var (refused, error) = await SqlitePipeline.RunAsync(export, work.Path, TestContext.Current.CancellationToken);
            AssertRefused(expected.Error!, refused, error);
            Assert.Equal(before, await StagingReadBack.StateAsync(SqlitePipeline.Database(work.Path)));
            Tally.RunUnchanged();
            Tally.InputTried(0, 0);
            return;
        }

        var (result, failure) = await SqlitePipeline.RunAsync(export, work.Path, TestContext.Current.CancellationToken);

        Assert.True(failure is null, $"{name} must complete, but failed: {failure?.Message}");
        var staging = await StagingReadBack.ReadAsync(SqlitePipeline.Database(work.Path), result!.RunId.Value);
        long read = 0, lost = 0;
        foreach (var (file, counts) in expected.Files!)
        {
            var stored = staging.Counts(file);
            var reconciled = result.Reconciliation.SourceFiles.Single(f => f.Name == file);
            output.WriteLine($"{file}: read {stored.Read}, staged {stored.Staged}, unmapped {stored.Unmapped}, rejected {stored.Rejected}");
            Assert.Equal(counts, stored);
            Assert.Equal(counts, new ExpectedFile(reconciled.Lines, reconciled.Staged, reconciled.Unmapped, reconciled.Rejected));
            Assert.Equal(counts.Read, counts.Staged + counts.Unmapped + counts.Rejected);
            Assert.Equal(0, staging.Lost(file));
            read += stored.Read;
            lost += staging.Lost(file);
        }

        Assert.Equal(expected.Files.Keys.Order(StringComparer.Ordinal), staging.LinesRead.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(
            (expected.Rejects ?? []).OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line),
            staging.Rejects.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line));
        foreach (var label in expected.Labels ?? [])
        {
            Assert.Contains(label, staging.StoredLabels);
        }

        var failedChecks = result.Reconciliation.Checks.Where(c => c.Status == Verdict.Failed).Select(c => c.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        output.WriteLine($"failed checks: {string.Join(", ", failedChecks)}");
        Assert.Equal((expected.FailedChecks ?? []).Order(StringComparer.Ordinal), failedChecks);
        if (expected.UnbalancedDocuments is { } documents)
        {
            Assert.Equal(
                documents.Order(StringComparer.Ordinal),
                result.Reconciliation.UnbalancedDocuments.Select(d => $"{d.Journal}/{d.Document}").Order(StringComparer.Ordinal));
        }

        ReportSafety.Check(result.Reports, expected.Injected);
        Tally.InputTried(read, lost);
    }

    private static void AssertRefused(ExpectedError error, object? result, Exception? failure)
    {
        Assert.Null(result);
        Assert.NotNull(failure);
        var cause = failure.InnerException;
        Assert.Equal(error.Type, cause?.GetType().Name);
        Assert.Contains(error.Message, failure.Message, StringComparison.Ordinal);
        if (cause is ExportFileException fault)
        {
            Assert.Equal(error.File, fault.File);
            Assert.Equal(error.Line, error.Line is null ? null : fault.Line);
            Assert.Equal(error.Column, error.Column is null ? null : fault.Column);
        }
    }

    private static string Valid(TempDirectory work)
    {
        var folder = work.Combine("valid");
        CorpusCase.Load("valid").CopyTo(folder);
        return folder;
    }
}
