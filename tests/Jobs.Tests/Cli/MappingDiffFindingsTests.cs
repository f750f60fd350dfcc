using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>mapping diff</c> lists the new version's findings, the very ones <c>mapping validate NEW [--export]</c> prints, and
/// says plainly when the new version is not valid and what migrate would do with it; it then exits 3 even when the rules
/// are identical.
/// </summary>
public sealed class MappingDiffFindingsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Removing_the_energy_rules_lists_the_uncovered_lines_as_validate_does_and_exits_3()
    {
        var reduced = ReducedMapping.Create(_temp.Combine("reduced"));
        var validation = await MappingValidateCommand.RunAsync(reduced, ReducedMapping.Commune, Ct);

        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping",
            "diff",
            ReducedMapping.Full,
            reduced,
            "--export",
            ReducedMapping.Commune);

        Assert.False(validation.IsValid);
        Assert.Equal(ExitCodes.Differences, exit);
        Assert.Equal("", stderr);
        Assert.Contains(validation.Findings, f => f.Check == "UNCOVERED");
        Assert.All(validation.Findings, f => Assert.Contains("  " + f, stdout, StringComparison.Ordinal));
        Assert.Contains(
            $"New version findings on {ReducedMapping.Commune}: {validation.Findings.Count(f => f.IsError)} error(s)",
            stdout,
            StringComparison.Ordinal);
        var verdict = stdout.TrimEnd().Split('\n')[^1];
        Assert.StartsWith("The new version bxl-2024 1.0.0 is NOT VALID", verdict, StringComparison.Ordinal);
        Assert.Contains($"migrate would leave {validation.Coverage!.UnmappedLines} line(s)", verdict, StringComparison.Ordinal);
        Assert.Contains("the reconciliation would flag them", verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_document_carries_the_same_findings_and_the_status()
    {
        var reduced = ReducedMapping.Create(_temp.Combine("reduced"));
        var validation = await MappingValidateCommand.RunAsync(reduced, ReducedMapping.Commune, Ct);
        using var validated = JsonDocument.Parse(MappingReportJson.Write(validation));

        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping",
            "diff",
            ReducedMapping.Full,
            reduced,
            "--export",
            ReducedMapping.Commune,
            "--format",
            "json");

        Assert.Equal(ExitCodes.Differences, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var newVersion = json.RootElement.GetProperty("newVersion");
        Assert.Equal("NOT_VALID", newVersion.GetProperty("status").GetString());
        Assert.False(newVersion.GetProperty("wouldBeRefused").GetBoolean());
        Assert.Equal(validation.Findings.Count(f => f.IsError), newVersion.GetProperty("errors").GetInt32());
        Assert.Equal(Findings(validated.RootElement), Findings(newVersion));
        Assert.StartsWith(
            "The new version bxl-2024 1.0.0 is NOT VALID",
            newVersion.GetProperty("verdict").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Identical_rules_in_a_version_not_valid_on_the_export_still_exit_3()
    {
        var reduced = ReducedMapping.Create(_temp.Combine("reduced"));
        var again = ReducedMapping.Create(_temp.Combine("again"));

        var (exit, stdout, _) = await CliStreams.RunAsync("mapping", "diff", reduced, again, "--export", ReducedMapping.Commune);
        var (alone, aloneOut, _) = await CliStreams.RunAsync("mapping", "diff", reduced, again);

        Assert.Equal(ExitCodes.Differences, exit);
        Assert.Contains("Rules: 0 added, 0 removed, 0 changed", stdout, StringComparison.Ordinal);
        Assert.Contains("is NOT VALID", stdout, StringComparison.Ordinal);
        // Without the export, nothing says the energy lines are uncovered: the version is valid on its own.
        Assert.Equal(ExitCodes.Done, alone);
        Assert.Contains("The new version bxl-2024 1.0.0 is VALID (without an export", aloneOut, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_migrate_would_refuse_says_so_without_an_export()
    {
        var reduced = ReducedMapping.Create(_temp.Combine("unknown-target"));
        var rules = Path.Combine(reduced, "rules.csv");
        await File.WriteAllTextAsync(
            rules,
            (await File.ReadAllTextAsync(rules, Ct)).Replace(
                "B130;;;1300000;;130000;",
                "B130;;;1300000;;999999;",
                StringComparison.Ordinal),
            Ct);
        var validation = await MappingValidateCommand.RunAsync(reduced, null, Ct);

        var (exit, stdout, _) = await CliStreams.RunAsync("mapping", "diff", ReducedMapping.Full, reduced);

        var error = Assert.Single(validation.Findings, f => f.IsError);
        Assert.Equal(ExitCodes.Differences, exit);
        Assert.Contains("  " + error, stdout, StringComparison.Ordinal);
        Assert.Contains(
            "The new version bxl-2024 1.0.0 is NOT VALID (1 error(s)): migrate would refuse it",
            stdout,
            StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static List<(string?, string?, string?, string?, int, string?)> Findings(JsonElement parent) =>
        [.. parent.GetProperty("findings").EnumerateArray().Select(f => (
            f.GetProperty("severity").GetString(), f.GetProperty("check").GetString(), f.GetProperty("rule").GetString(),
            f.GetProperty("file").GetString(), f.GetProperty("line").GetInt32(), f.GetProperty("message").GetString()))];
}
