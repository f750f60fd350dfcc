using System.Text.Json;
using System.Text.RegularExpressions;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>--format json</c> of every command that lists or summarises, on the committed commune sample (the commands that read
/// runs in a staging database: <see cref="RunsJsonFormatTests{TRuns}"/>): standard output parses as one JSON document (so it
/// holds nothing else), with the documented fields, euros as numbers with two decimals, and the exit code of text.
/// </summary>
public sealed partial class JsonFormatTests(ChangedMapping changed) : IClassFixture<ChangedMapping>
{
    [Fact]
    public async Task Extract_gives_each_file_against_EXPORT_txt_and_the_verdict()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync("extract", "--export", MigratedRuns.Commune, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal("OK", root.GetProperty("verdict").GetString());
        Assert.Equal("21005", root.GetProperty("control").GetProperty("insCode").GetString());
        Assert.Empty(root.GetProperty("faults").EnumerateArray());
        var files = root.GetProperty("files").EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!);
        Assert.Equal(["ECRITURES.csv", "BALANCE.csv", "ARTICLES.csv", "TIERS.csv", "ENGAGEMENTS.csv"], files.Keys);
        var ledger = files["ECRITURES.csv"];
        Assert.Equal(3000, ledger.GetProperty("records").GetInt64());
        Assert.Equal(ledger.GetProperty("expected").GetProperty("records").GetInt64(), ledger.GetProperty("records").GetInt64());
        Assert.Equal(ledger.GetProperty("expected").GetProperty("debit").GetDecimal(), ledger.GetProperty("debit").GetDecimal());
        Assert.True(ledger.GetProperty("agrees").GetBoolean());
        Assert.Equal(JsonValueKind.Object, ledger.GetProperty("rejectedByReason").ValueKind);
        Assert.Equal(JsonValueKind.Null, files["TIERS.csv"].GetProperty("debit").ValueKind);
        AssertMoney(stdout, "debit", "credit", "debitDifference", "creditDifference");
    }

    [Fact]
    public async Task Extract_of_an_export_announcing_one_euro_more_is_FAILED_with_the_difference_and_exits_2()
    {
        var copy = await ExportCopies.OneEuroMoreLedgerDebitAsync(
            MigratedRuns.Commune,
            changed.Temp.Combine("one-euro-" + Guid.NewGuid().ToString("N")[..6]));

        var (exit, stdout, _) = await CliStreams.RunAsync("extract", "--export", copy, "--format", "json");

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("FAILED", json.RootElement.GetProperty("verdict").GetString());
        var ledger = json.RootElement.GetProperty("files")[0];
        Assert.Equal(-1.00m, ledger.GetProperty("debitDifference").GetDecimal());
        Assert.False(ledger.GetProperty("totalsAgree").GetBoolean());
        Assert.True(ledger.GetProperty("countAgrees").GetBoolean());
    }

    [Fact]
    public async Task Extract_of_a_missing_folder_puts_the_fault_in_the_document_and_exits_1()
    {
        var (exit, stdout, _) = await CliStreams.RunAsync(
            "extract",
            "--export",
            changed.Temp.Combine("no-such-export"),
            "--format",
            "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("FAULT", json.RootElement.GetProperty("verdict").GetString());
        Assert.Contains(
            "does not exist",
            json.RootElement.GetProperty("faults")[0].GetProperty("message").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_validate_writes_the_document_alone_on_standard_output()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping",
            "validate",
            MigratedRuns.Mapping,
            "--export",
            MigratedRuns.Commune,
            "--format",
            "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("VALID", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3000, json.RootElement.GetProperty("coverage").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task Mapping_diff_gives_the_changed_rule_and_the_euros_it_moves_and_exits_3()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping",
            "diff",
            MigratedRuns.Mapping,
            changed.Version,
            "--export",
            MigratedRuns.Commune,
            "--format",
            "json");

        Assert.Equal(3, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("identical").GetBoolean());
        Assert.Equal(
            (0, 0, 1),
            (root.GetProperty("added").GetInt32(), root.GetProperty("removed").GetInt32(), root.GetProperty("changed").GetInt32()));
        var change = Assert.Single(root.GetProperty("changes").EnumerateArray());
        Assert.Equal(("changed", "B130"), (change.GetProperty("kind").GetString(), change.GetProperty("rule").GetString()));
        Assert.Equal(["TARGET_ACCOUNT"], change.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.StartsWith("130000 ", change.GetProperty("old").GetProperty("target").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("100000 ", change.GetProperty("new").GetProperty("target").GetString(), StringComparison.Ordinal);
        var move = Assert.Single(root.GetProperty("movements").GetProperty("moves").EnumerateArray());
        Assert.StartsWith("130000 ", move.GetProperty("from").GetString(), StringComparison.Ordinal);
        Assert.True(move.GetProperty("credit").GetDecimal() > 0m);
        AssertMoney(stdout, "debit", "credit");
    }

    [Theory]
    [InlineData("text or json", "runs")]
    [InlineData("text or json", "extract", "--export", "samples/commune-etterbeek-2023")]
    [InlineData("text or json", "report", "--run", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10")]
    [InlineData("text or json", "report", "diff", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10", "01936f8f-0b1d-7e55-8a43-2c6d0e9f1a22")]
    [InlineData("text or json", "cutover", "--run", "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10")]
    [InlineData("text or json", "mapping", "diff", "mappings/bxl-2024/1.0.0", "mappings/bxl-2024/1.0.0")]
    [InlineData("text, json or html", "mapping", "validate", "mappings/bxl-2024/1.0.0")]
    public async Task An_unknown_format_exits_1_naming_the_valid_ones(string valid, params string[] command)
    {
        var (exit, stdout, _) = await CliStreams.RunAsync([.. command, "--format", "yaml"]);

        Assert.Equal(1, exit);
        Assert.Contains($"--format 'yaml' is unknown: use {valid}.", stdout, StringComparison.Ordinal);
    }

    /// <summary>Every value of these fields is a JSON number with exactly two decimals (or null), and there is at least one.</summary>
    internal static void AssertMoney(string json, params string[] fields)
    {
        var values = fields.SelectMany(f => Field().Matches(json).Where(m => m.Groups["name"].Value == f))
            .Select(m => m.Groups["value"].Value)
            .ToList();
        Assert.NotEmpty(values);
        Assert.All(values.Where(v => v != "null"), v => Assert.Matches(@"^-?\d+\.\d{2}$", v));
    }

    [GeneratedRegex(@"""(?<name>[A-Za-z]+)"": (?<value>null|-?[0-9][0-9.]*)")]
    private static partial Regex Field();
}
