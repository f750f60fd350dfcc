using System.Text.Json;
using System.Text.RegularExpressions;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>--format json</c> of every command that lists or summarises, on the committed commune sample and real runs in a
/// SQLite staging file: standard output parses as one JSON document (so it holds nothing else), with the documented
/// fields, euros as numbers with two decimals, and the exit code of text.
/// </summary>
public sealed partial class JsonFormatTests(MigratedRuns runs) : IClassFixture<MigratedRuns>
{
    [Fact]
    public async Task Runs_lists_both_runs_newest_first()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync("runs", "--provider", "sqlite", "--connection", runs.Database, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var listed = json.RootElement.EnumerateArray().ToList();
        Assert.Equal([runs.RunB, runs.RunA], listed.Select(r => r.GetProperty("runId").GetString()));
        Assert.Equal(["published", "superseded"], listed.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal("bxl-2024", listed[0].GetProperty("mapping").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, listed[0].GetProperty("job").ValueKind);
    }

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
        var copy = await ExportCopies.OneEuroMoreLedgerDebitAsync(MigratedRuns.Commune, runs.Temp.Combine("one-euro-" + Guid.NewGuid().ToString("N")[..6]));

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
        var (exit, stdout, _) = await CliStreams.RunAsync("extract", "--export", runs.Temp.Combine("no-such-export"), "--format", "json");

        Assert.Equal(1, exit);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("FAULT", json.RootElement.GetProperty("verdict").GetString());
        Assert.Contains("does not exist", json.RootElement.GetProperty("faults")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_validate_writes_the_document_alone_on_standard_output()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync("mapping", "validate", MigratedRuns.Mapping, "--export", MigratedRuns.Commune, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        Assert.Equal("VALID", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(3000, json.RootElement.GetProperty("coverage").GetProperty("lines").GetInt64());
    }

    [Fact]
    public async Task Mapping_diff_gives_the_changed_rule_and_the_euros_it_moves_and_exits_3()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync("mapping", "diff", MigratedRuns.Mapping, runs.ChangedMapping, "--export", MigratedRuns.Commune, "--format", "json");

        Assert.Equal(3, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("identical").GetBoolean());
        Assert.Equal((0, 0, 1), (root.GetProperty("added").GetInt32(), root.GetProperty("removed").GetInt32(), root.GetProperty("changed").GetInt32()));
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

    [Fact]
    public async Task Report_summarises_the_status_every_check_and_the_files_written()
    {
        var outDir = runs.Temp.Combine("report-" + Guid.NewGuid().ToString("N")[..6]);

        var (exit, stdout, stderr) = await CliStreams.RunAsync("report", "--run", runs.RunB, "--provider", "sqlite", "--connection", runs.Database, "--out", outDir, "--format", "json");

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal((runs.RunB, "OK"), (root.GetProperty("runId").GetString(), root.GetProperty("status").GetString()));
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(c.GetProperty("expected").GetDecimal(), c.GetProperty("found").GetDecimal()));
        Assert.True(File.Exists(root.GetProperty("reports").GetProperty("html").GetString()));
        Assert.Equal(Path.GetFullPath(outDir), root.GetProperty("reports").GetProperty("folder").GetString());
        // Counts stay whole numbers, euros keep two decimals: as reconciliation.json writes them.
        Assert.Contains(checks, c => c.GetProperty("unit").GetString() == "lines" && Regex.IsMatch(c.GetProperty("expected").GetRawText(), @"^\d+$"));
        Assert.All(checks.Where(c => c.GetProperty("unit").GetString() == "EUR"), c => Assert.Matches(@"^-?\d+\.\d{2}$", c.GetProperty("expected").GetRawText()));
    }

    [Fact]
    public async Task Report_diff_gives_the_accounts_that_changed_and_why_and_exits_3()
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync("report", "diff", runs.RunA, runs.RunB, "--provider", "sqlite", "--connection", runs.Database, "--format", "json");

        Assert.Equal(3, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal((runs.RunA, runs.RunB), (root.GetProperty("runA").GetProperty("runId").GetString(), root.GetProperty("runB").GetProperty("runId").GetString()));
        var accounts = root.GetProperty("accounts").EnumerateArray().ToDictionary(a => a.GetProperty("account").GetString()!, a => a.GetProperty("netChange").GetDecimal());
        Assert.Equal(["100000", "130000"], accounts.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(0m, accounts["130000"]);
        Assert.Equal(-accounts["130000"], accounts["100000"]);
        Assert.True(root.GetProperty("why").GetProperty("mappingChanged").GetBoolean());
        Assert.Empty(root.GetProperty("why").GetProperty("files").EnumerateArray());
        AssertMoney(stdout, "debitA", "debitB", "debitChange", "creditA", "creditB", "creditChange", "netChange");
    }

    [Fact]
    public async Task Cutover_gives_status_checks_files_with_rows_and_totals_and_the_folder()
    {
        var outDir = runs.Temp.Combine("cutover-" + Guid.NewGuid().ToString("N")[..6]);

        var (exit, stdout, stderr) = await CliStreams.RunAsync("cutover", "--run", runs.RunB, "--provider", "sqlite", "--connection", runs.Database, "--out", outDir, "--format", "json");

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("status").GetString() == "FAILED" ? 2 : 0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(("2024-01-01", Path.GetFullPath(outDir)), (root.GetProperty("asOf").GetString(), root.GetProperty("folder").GetString()));
        Assert.NotEmpty(root.GetProperty("checks").EnumerateArray());
        var balances = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "opening-balances.csv");
        Assert.True(balances.GetProperty("rows").GetInt64() > 0);
        Assert.Equal(balances.GetProperty("totals").GetProperty("DEBIT").GetDecimal(), balances.GetProperty("totals").GetProperty("CREDIT").GetDecimal());
        Assert.Matches(@"""DEBIT"": -?\d+\.\d{2}\b", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "opening-balances.csv")));
    }

    [Fact]
    public async Task A_failure_under_json_goes_to_standard_error_and_keeps_its_exit_code()
    {
        const string Unknown = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10";

        var report = await CliStreams.RunAsync("report", "--run", Unknown, "--provider", "sqlite", "--connection", runs.Database, "--out", runs.Temp.Combine("none"), "--format", "json");
        var diff = await CliStreams.RunAsync("report", "diff", Unknown, runs.RunB, "--provider", "sqlite", "--connection", runs.Database, "--format", "json");

        foreach (var (exit, stdout, stderr) in new[] { report, diff })
        {
            Assert.Equal(1, exit);
            Assert.Equal("", stdout);
            Assert.Contains(Unknown, stderr, StringComparison.Ordinal);
            Assert.Contains("bascule runs", stderr, StringComparison.Ordinal);
        }
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
    private static void AssertMoney(string json, params string[] fields)
    {
        var values = fields.SelectMany(f => Field().Matches(json).Where(m => m.Groups["name"].Value == f)).Select(m => m.Groups["value"].Value).ToList();
        Assert.NotEmpty(values);
        Assert.All(values.Where(v => v != "null"), v => Assert.Matches(@"^-?\d+\.\d{2}$", v));
    }

    [GeneratedRegex(@"""(?<name>[A-Za-z]+)"": (?<value>null|-?[0-9][0-9.]*)")]
    private static partial Regex Field();
}
