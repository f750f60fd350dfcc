using System.Text.Json;
using System.Text.RegularExpressions;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>--format json</c> of the commands that read runs in a staging database, on two real runs of the commune sample:
/// standard output parses as one JSON document (so it holds nothing else), with the documented fields, euros as numbers
/// with two decimals, and the exit code of text. Run once per provider.
/// </summary>
public abstract class RunsJsonFormatTests<TRuns>(TRuns runs) : IClassFixture<TRuns>
    where TRuns : MigratedRuns
{
    [Fact]
    public async Task Runs_lists_both_runs_newest_first()
    {
        var (exit, stdout, stderr) = await JsonAsync("runs");

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
    public async Task Report_summarises_the_status_every_check_and_the_files_written()
    {
        var outDir = runs.Temp.Combine("report-" + Guid.NewGuid().ToString("N")[..6]);

        var (exit, stdout, stderr) = await JsonAsync("report", "--run", runs.RunB, "--out", outDir);

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
        Assert.Contains(
            checks,
            c => c.GetProperty("unit").GetString() == "lines" && Regex.IsMatch(c.GetProperty("expected").GetRawText(), @"^\d+$"));
        Assert.All(
            checks.Where(c => c.GetProperty("unit").GetString() == "EUR"),
            c => Assert.Matches(@"^-?\d+\.\d{2}$", c.GetProperty("expected").GetRawText()));
    }

    [Fact]
    public async Task Report_diff_gives_the_accounts_that_changed_and_why_and_exits_3()
    {
        var (exit, stdout, stderr) = await JsonAsync("report", "diff", runs.RunA, runs.RunB);

        Assert.Equal(3, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("changed").GetBoolean());
        Assert.Equal(
            (runs.RunA, runs.RunB),
            (root.GetProperty("runA").GetProperty("runId").GetString(), root.GetProperty("runB").GetProperty("runId").GetString()));
        var accounts = root.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("account").GetString()!, a => a.GetProperty("netChange").GetDecimal());
        Assert.Equal(["100000", "130000"], accounts.Keys.Order(StringComparer.Ordinal));
        Assert.NotEqual(0m, accounts["130000"]);
        Assert.Equal(-accounts["130000"], accounts["100000"]);
        Assert.True(root.GetProperty("why").GetProperty("mappingChanged").GetBoolean());
        Assert.Empty(root.GetProperty("why").GetProperty("files").EnumerateArray());
        JsonFormatTests.AssertMoney(stdout, "debitA", "debitB", "debitChange", "creditA", "creditB", "creditChange", "netChange");
    }

    [Fact]
    public async Task Cutover_gives_status_checks_files_with_rows_and_totals_and_the_folder()
    {
        var outDir = runs.Temp.Combine("cutover-" + Guid.NewGuid().ToString("N")[..6]);

        var (exit, stdout, stderr) = await JsonAsync("cutover", "--run", runs.RunB, "--out", outDir);

        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(root.GetProperty("status").GetString() == "FAILED" ? 2 : 0, exit);
        Assert.Equal("", stderr);
        Assert.Equal(
            ("2024-01-01", Path.GetFullPath(outDir)),
            (root.GetProperty("asOf").GetString(), root.GetProperty("folder").GetString()));
        Assert.NotEmpty(root.GetProperty("checks").EnumerateArray());
        var balances = root.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "opening-balances.csv");
        Assert.True(balances.GetProperty("rows").GetInt64() > 0);
        Assert.Equal(
            balances.GetProperty("totals").GetProperty("DEBIT").GetDecimal(),
            balances.GetProperty("totals").GetProperty("CREDIT").GetDecimal());
        Assert.Matches(@"""DEBIT"": -?\d+\.\d{2}\b", stdout);
        Assert.True(File.Exists(Path.Combine(outDir, "opening-balances.csv")));
    }

    [Fact]
    public async Task A_failure_under_json_goes_to_standard_error_and_keeps_its_exit_code()
    {
        const string Unknown = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10";

        var report = await JsonAsync("report", "--run", Unknown, "--out", runs.Temp.Combine("none"));
        var diff = await JsonAsync("report", "diff", Unknown, runs.RunB);

        foreach (var (exit, stdout, stderr) in new[] { report, diff })
        {
            Assert.Equal(1, exit);
            Assert.Equal("", stdout);
            Assert.Contains(Unknown, stderr, StringComparison.Ordinal);
            Assert.Contains("bascule runs", stderr, StringComparison.Ordinal);
        }
    }

    /// <summary>The command on this fixture's staging database, with <c>--format json</c>.</summary>
    private Task<(int Exit, string Stdout, string Stderr)> JsonAsync(params string[] command) =>
        CliStreams.RunAsync([.. command, "--provider", runs.Provider, "--connection", runs.Connection, "--format", "json"]);
}

public sealed class SqliteRunsJsonFormatTests(SqliteMigratedRuns runs) : RunsJsonFormatTests<SqliteMigratedRuns>(runs);

public sealed class PostgresRunsJsonFormatTests(PostgresMigratedRuns runs) : RunsJsonFormatTests<PostgresMigratedRuns>(runs);

public sealed class SqlServerRunsJsonFormatTests(SqlServerMigratedRuns runs) : RunsJsonFormatTests<SqlServerMigratedRuns>(runs);
