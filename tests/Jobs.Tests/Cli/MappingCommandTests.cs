using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>The auditors' <c>bascule mapping</c> commands on the shipped mapping and the committed samples.</summary>
public sealed class MappingCommandTests
{
    private static readonly string Bxl = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private static string Sample(string name)
    {
        var folder = RepositoryRoot.Combine("samples", name);
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"samples/{name} is not in the repository yet (bascule sample writes it).");
        }

        return folder;
    }

    [Theory]
    [InlineData("commune-etterbeek-2023")]
    [InlineData("cpas-etterbeek-2023")]
    public async Task Validate_with_each_sample_reports_full_coverage_and_exits_0(string sample)
    {
        var folder = Sample(sample);
        var validation = await MappingValidateCommand.RunAsync(Bxl, folder, TestContext.Current.CancellationToken);
        var text = MappingReportText.Write(validation);

        Assert.True(validation.IsValid, text);
        Assert.Empty(validation.Coverage!.Uncovered);
        Assert.Contains("(100,0%)", text, StringComparison.Ordinal);
        Assert.Contains("unmapped: 0 lines, debit 0,00, credit 0,00", text, StringComparison.Ordinal);
        using var output = new TempDirectory();
        Assert.Equal(0, await BasculeApp.Create().RunAsync(
            ["mapping", "validate", Bxl, "--export", folder, "--out", output.Combine("report.txt")],
            TestContext.Current.CancellationToken));
        Assert.Contains("Result: VALID", File.ReadAllText(output.Combine("report.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_of_a_broken_copy_exits_1_naming_rule_and_line()
    {
        using var copy = CopyOfMappings();
        var rules = Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0", "rules.csv");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace(";611200;12.13;=;40;", ";611200;12.13;=;30;", StringComparison.Ordinal));
        var version = Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0");

        var validation = await MappingValidateCommand.RunAsync(version, null, TestContext.Current.CancellationToken);

        var finding = Assert.Single(validation.Findings, f => f.IsError);
        Assert.Equal(("SPLIT_NOT_100", "C611.a"), (finding.Check, finding.RuleId));
        Assert.Contains(
            $"rules.csv:{finding.Line}: error SPLIT_NOT_100 [C611.a]",
            MappingReportText.Write(validation),
            StringComparison.Ordinal);
        Assert.Equal(1, await BasculeApp.Create()
            .RunAsync(["mapping", "validate", version, "--out", copy.Combine("report.txt")], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Html_report_is_self_contained_and_escapes_every_text()
    {
        using var copy = CopyOfMappings();
        var rules = Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0", "rules.csv");
        File.WriteAllText(rules, File.ReadAllText(rules).Replace("B100;;;1000000;", "B100;;;<script>;", StringComparison.Ordinal));

        var validation = await MappingValidateCommand.RunAsync(
            Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0"),
            null,
            TestContext.Current.CancellationToken);
        var html = MappingReportHtml.Write(validation);

        Assert.Equal("SYNTAX", Assert.Single(validation.Findings).Check);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_report_has_status_findings_and_coverage_amounts()
    {
        var validation = await MappingValidateCommand.RunAsync(Bxl, Sample("cpas-etterbeek-2023"), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(MappingReportJson.Write(validation));

        Assert.Equal("VALID", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("bxl-2024", json.RootElement.GetProperty("mapping").GetProperty("id").GetString());
        var coverage = json.RootElement.GetProperty("coverage");
        Assert.Equal(0m, coverage.GetProperty("unmappedDebit").GetDecimal());
        Assert.Equal(coverage.GetProperty("lines").GetInt64(), coverage.GetProperty("mappedLines").GetInt64());
    }

    [Fact]
    public async Task Approve_writes_the_block_once_and_hash_prints_the_approved_hash()
    {
        using var copy = CopyOfMappings();
        var version = Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0");

        Assert.Equal(0, await BasculeApp.Create()
            .RunAsync(["mapping", "approve", version, "--by", "Anne Peeters, receveuse"], TestContext.Current.CancellationToken));
        Assert.Equal(1, await BasculeApp.Create()
            .RunAsync(["mapping", "approve", version, "--by", "Someone else, role"], TestContext.Current.CancellationToken));
        Assert.Equal(0, await BasculeApp.Create().RunAsync(["mapping", "hash", version], TestContext.Current.CancellationToken));

        var loaded = Transform.MappingVersion.Load(version);
        Assert.Equal(loaded.Identity.Sha256, loaded.Manifest.Approval!.Sha256);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Today), loaded.Manifest.Approval.On);
        Assert.DoesNotContain(loaded.Validate(), f => f.Check is "ALTERED" or "NOT_APPROVED");
    }

    [Fact]
    public async Task Approving_the_rehearsed_version_keeps_its_hash_and_a_name_without_a_role_is_refused()
    {
        using var copy = CopyOfMappings();
        var version = Path.Combine(copy.Path, "mappings", "bxl-2024", "1.0.0");
        var rehearsed = Transform.MappingVersion.Load(version).Identity.Sha256;
        var manifest = await File.ReadAllTextAsync(Path.Combine(version, "mapping.yaml"), TestContext.Current.CancellationToken);

        Assert.Equal(1, await BasculeApp.Create()
            .RunAsync(["mapping", "approve", version, "--by", "Anne Peeters"], TestContext.Current.CancellationToken));
        Assert.Equal(manifest, await File.ReadAllTextAsync(Path.Combine(version, "mapping.yaml"), TestContext.Current.CancellationToken));

        Assert.Equal(0, await BasculeApp.Create()
            .RunAsync(["mapping", "approve", version, "--by", "Anne Peeters, receveuse"], TestContext.Current.CancellationToken));
        var approved = Transform.MappingVersion.Load(version);
        Assert.Equal((rehearsed, rehearsed), (approved.Identity.Sha256, approved.Manifest.Approval!.Sha256));
    }

    private static TempDirectory CopyOfMappings()
    {
        var temp = new TempDirectory();
        Copy(RepositoryRoot.Combine("mappings"), temp.Combine("mappings"));
        return temp;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
