using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// The exit codes of <c>extract</c> and <c>mapping diff</c> (README, "For IT staff"): 2 when a check extract makes
/// fails, 3 when two mapping versions differ, 0 when they are identical, 1 when nothing could be compared.
/// </summary>
public sealed class ExitCodeTests : IDisposable
{
    private static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Extract_exits_2_when_EXPORT_txt_announces_one_euro_more_than_the_ledger_holds()
    {
        var copy = await ExportCopies.OneEuroMoreLedgerDebitAsync(Commune, _temp.Combine("one-euro-more"));

        var text = await CliStreams.RunAsync("extract", "--export", copy);
        var json = await CliStreams.RunAsync("extract", "--export", copy, "--format", "json");

        Assert.Equal(ExitCodes.Failed, text.Exit);
        Assert.Equal(text.Exit, json.Exit);
        Assert.Contains("totals differ: debit -1,00", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("migrate would hold the run", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_of_the_sample_as_delivered_exits_0()
    {
        var (exit, stdout, _) = await CliStreams.RunAsync("extract", "--export", Commune);

        Assert.True(exit == ExitCodes.Done, stdout);
    }

    [Fact]
    public async Task Mapping_diff_exits_3_when_one_rule_s_target_changed()
    {
        var changed = CopyOfMapping();
        var rules = Path.Combine(changed, "rules.csv");
        var text = await File.ReadAllTextAsync(rules, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(
            rules,
            text.Replace("B130;;;1300000;;130000;", "B130;;;1300000;;100000;", StringComparison.Ordinal),
            TestContext.Current.CancellationToken);

        var (exit, stdout, _) = await CliStreams.RunAsync("mapping", "diff", Mapping, changed);

        Assert.Equal(ExitCodes.Differences, exit);
        Assert.Contains("Rules: 0 added, 0 removed, 1 changed", stdout, StringComparison.Ordinal);
        Assert.Contains("~ B130", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_diff_exits_0_between_identical_versions()
    {
        var (exit, stdout, _) = await CliStreams.RunAsync("mapping", "diff", Mapping, CopyOfMapping());

        Assert.Equal(ExitCodes.Done, exit);
        Assert.Contains("Rules: 0 added, 0 removed, 0 changed", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_diff_exits_1_when_a_version_cannot_be_read_and_says_so_on_standard_error()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping",
            "diff",
            Mapping,
            _temp.Combine("no-such-version"),
            "--format",
            "json");

        Assert.Equal(ExitCodes.CouldNotComplete, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no mapping.yaml here", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    // A version is read with its chart, which lives beside the versions under mappings/: copy the whole tree.
    private string CopyOfMapping()
    {
        var root = _temp.Combine("copy-" + Guid.NewGuid().ToString("N")[..6], "mappings");
        Folders.Copy(RepositoryRoot.Combine("mappings"), root);
        return Path.Combine(root, "bxl-2024", "1.0.0");
    }
}
