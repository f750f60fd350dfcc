using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bascule.Jobs.Cli;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// End to end through the command line, on a real staging database: a run whose reconciliation is FAILED (the
/// control file announces one euro more ledger debit than the lines hold) is held, `migrate` exits 2, the OK run stays
/// published with its fingerprint and is all the published views show; `publish --run` refuses a run that is not held
/// or has no reason, or whose user has no signing role, or whose report is not the run's; publishes the held run with
/// its reviewer's sign-off (who, as what, the report's SHA-256, why), and `runs` says so; a later OK run supersedes it.
/// </summary>
public abstract partial class PublishCommandTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static class ReportCommandExit
    {
        // A held run's reconciliation is FAILED: `report` exits 2 once its reports are written.
        public const int Written = 2;
    }

    private const string Reason = "Reviewed and signed by M. Peeters, accountant: the legacy control total is 1 EUR off.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Sample => RepositoryRoot.Combine("samples", "cpas-etterbeek-2023");

    [Fact]
    public async Task A_failed_reconciliation_is_held_and_published_only_on_purpose_with_its_reason()
    {
        var connection = await CreateConnectionAsync();
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Sample, Temp.Combine("failing"));

        Assert.Equal(MigrateCommand.Completed, await MigrateAsync(connection, Sample, "ok"));
        var ok = Assert.Single(await RunsAsync(connection));
        Assert.Equal(MigrateCommand.ReconciliationFailed, await MigrateAsync(connection, failing, "failing"));

        var runs = await RunsAsync(connection);
        Assert.Equal(2, runs.Count);
        var held = runs[0];
        Assert.Equal(RunStatus.Held, held.Status);
        Assert.Contains("controlTotals:ECRITURES.csv:debit", held.FailureMessage, StringComparison.Ordinal);
        Assert.NotNull(held.Fingerprint);
        Assert.Equal((ok.Id, RunStatus.Published, ok.Fingerprint), (runs[1].Id, runs[1].Status, runs[1].Fingerprint));
        Assert.Equal([ok.Id.Value], await PublishedRunIdsAsync(connection));
        // The reports of the held run are written, and say it is held.
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Temp.Combine("failing", "reconciliation.json"), Ct)))
        {
            Assert.Equal("held", report.RootElement.GetProperty("runStatus").GetString());
        }

        var (listed, text) = await RunsCliAsync(connection);
        Assert.Equal("held", listed.RootElement[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, listed.RootElement[0].GetProperty("publishedOverFailedReconciliation").ValueKind);
        Assert.Contains($"{held.Id} is held", text, StringComparison.Ordinal);
        listed.Dispose();

        // Refused: a run that is not held, and a held run without a reason. Nothing changes.
        var (refused, refusal) = await PublishAsync(connection, ok.Id.Value, Reason, Temp.Combine("ok", "reconciliation.html"));
        Assert.Equal((PublishCommand.NotPublished, true), (refused, refusal.Contains("is published, not held", StringComparison.Ordinal)));
        var (noReason, _) = await PublishAsync(connection, held.Id.Value, null);
        Assert.Equal(PublishCommand.NotPublished, noReason);
        // Refused: a user the configuration gives no signing role, a report of another run, a report that is not there.
        var (noRole, noRoleText) = await PublishAsync(
            connection,
            held.Id.Value,
            Reason,
            Temp.Combine("failing", "reconciliation.html"),
            new Dictionary<string, string?>());
        Assert.Equal(PublishCommand.NotPublished, noRole);
        Assert.Contains($"the account {Environment.UserName} is neither", noRoleText, StringComparison.Ordinal);
        var (otherReport, otherReportText) = await PublishAsync(
            connection,
            held.Id.Value,
            Reason,
            Temp.Combine("ok", "reconciliation.html"));
        Assert.Equal(PublishCommand.NotPublished, otherReport);
        Assert.Contains($"is not a report of run {held.Id}", otherReportText, StringComparison.Ordinal);
        var (noReport, noReportText) = await PublishAsync(
            connection,
            held.Id.Value,
            Reason,
            Temp.Combine("nowhere", "reconciliation.html"));
        Assert.Equal(PublishCommand.NotPublished, noReport);
        Assert.Contains("cannot be read", noReportText, StringComparison.Ordinal);
        Assert.Equal(runs, await RunsAsync(connection));
        Assert.Empty(await SignOffsAsync(connection, held.Id));

        var (exit, output) = await PublishAsync(connection, held.Id.Value, Reason);

        Assert.True(exit == PublishCommand.Published, output);
        Assert.Contains($"superseded run {ok.Id}", output, StringComparison.Ordinal);
        // The publication is the reviewer's sign-off: who, as what, the report read (its SHA-256) and why.
        var signOff = Assert.Single(await SignOffsAsync(connection, held.Id));
        var readSha256 = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(Temp.Combine("failing", "reconciliation.html"), Ct)));
        Assert.Equal(
            (Environment.UserName, "accountant", "os"),
            (signOff.Signer.Name, signOff.Signer.Role.ToCode(), signOff.Signer.AuthenticatedBy));
        Assert.Equal(
            ("reconciliation.html", readSha256, held.Fingerprint, "FAILED", Reason),
            (signOff.Report.Name, signOff.Report.Sha256, signOff.Fingerprint, signOff.Reconciliation, signOff.Comment));
        Assert.Contains($"SHA-256 {readSha256}", output, StringComparison.Ordinal);
        runs = await RunsAsync(connection);
        Assert.Equal([RunStatus.Published, RunStatus.Superseded], runs.Select(r => r.Status));
        Assert.Equal(
            (held.Fingerprint, Environment.UserName, Reason),
            (runs[0].Fingerprint, runs[0].Override?.By, runs[0].Override?.Reason));
        Assert.Equal([held.Id.Value], await PublishedRunIdsAsync(connection));
        (listed, text) = await RunsCliAsync(connection);
        var overrideJson = listed.RootElement[0].GetProperty("publishedOverFailedReconciliation");
        Assert.Equal(
            (Environment.UserName, Reason),
            (overrideJson.GetProperty("by").GetString(), overrideJson.GetProperty("reason").GetString()));
        Assert.Contains("published (over FAILED)", text, StringComparison.Ordinal);
        Assert.Contains($"{held.Id} was published over a FAILED reconciliation by {Environment.UserName}", text, StringComparison.Ordinal);
        listed.Dispose();
        // Published once: publishing it again is refused.
        Assert.Equal(PublishCommand.NotPublished, (await PublishAsync(connection, held.Id.Value, Reason)).Exit);

        // The signed report is never overwritten: regenerating writes the new reports beside it, in a folder of their own.
        Assert.Equal(
            ReportCommandExit.Written,
            await BasculeApp.Create().RunAsync(
                ["report", "--run", held.Id.Value, "--provider", Provider, "--connection", connection, "--out", Temp.Combine("failing")],
                Ct));
        Assert.Equal(readSha256, Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256
                .HashData(await File.ReadAllBytesAsync(Temp.Combine("failing", "reconciliation.html"), Ct))));
        var regenerated = Assert.Single(Directory.GetDirectories(Temp.Combine("failing"), "regenerated-*"));
        Assert.True(File.Exists(Path.Combine(regenerated, "reconciliation.html")));
        var html = await File.ReadAllTextAsync(Path.Combine(regenerated, "reconciliation.html"), Ct);
        Assert.Contains(held.Id.Value, html, StringComparison.Ordinal);

        // Every report carries the run's fingerprint (the one `verify` checks) and the sign-offs so far; the report read
        // before the sign-off had none.
        var signed = await File.ReadAllTextAsync(Temp.Combine("failing", "reconciliation.html"), Ct);
        Assert.Contains($"<span id=\"fingerprint\" class=\"raw\">{held.Fingerprint}</span>", signed, StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty\" id=\"signoffs\">", signed, StringComparison.Ordinal);
        Assert.Contains($"<span id=\"fingerprint\" class=\"raw\">{held.Fingerprint}</span>", html, StringComparison.Ordinal);
        var row = Regex.Match(html, $"<tr data-signoff=\"{signOff.Id}\">(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, "the regenerated report lists the sign-off");
        foreach (var recorded in new[] {
            Environment.UserName,
            "comptable",
            "boekhouder",
            readSha256,
            held.Fingerprint!,
            WebUtility.HtmlEncode(Reason),
            "FAILED" })
        {
            Assert.Contains(recorded, row.Groups[1].Value, StringComparison.Ordinal);
        }

        var signOffCsv = await File.ReadAllTextAsync(Path.Combine(regenerated, "reconciliation-signoffs.csv"), Ct);
        Assert.Contains(readSha256, signOffCsv, StringComparison.Ordinal);
        Assert.Contains(Reason, signOffCsv, StringComparison.Ordinal);
        var runCsv = await File.ReadAllTextAsync(Path.Combine(regenerated, "reconciliation-run.csv"), Ct);
        Assert.Contains(held.Fingerprint!, runCsv, StringComparison.Ordinal);

        // The held run's difference, as its readers see it: what differs, and what to do, in French and Dutch; the
        // technical name only in the JSON.
        Assert.Contains("Fichier ECRITURES.csv, total débit : ", signed, StringComparison.Ordinal);
        Assert.Contains("Bestand ECRITURES.csv, totaal debet: ", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("controlTotals:", signed, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "controlTotals:",
            await File.ReadAllTextAsync(Path.Combine(regenerated, "reconciliation-checks.csv"), Ct),
            StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(regenerated, "reconciliation.json"), Ct));
        Assert.Contains(
            json.RootElement.GetProperty("checks").EnumerateArray(),
            c => c.GetProperty("name").GetString() == "controlTotals:ECRITURES.csv:debit");
        Assert.Equal(held.Fingerprint, json.RootElement.GetProperty("fingerprint").GetString());
        var signOffJson = Assert.Single(json.RootElement.GetProperty("signOffs").EnumerateArray());
        Assert.Equal(
            (readSha256, Reason),
            (signOffJson.GetProperty("report").GetProperty("sha256").GetString(), signOffJson.GetProperty("comment").GetString()));
    }

    [Fact]
    public async Task A_later_ok_run_supersedes_a_held_run()
    {
        var connection = await CreateConnectionAsync();
        var failing = await ExportCopies.OneEuroMoreLedgerDebitAsync(Sample, Temp.Combine("failing"));
        Assert.Equal(MigrateCommand.ReconciliationFailed, await MigrateAsync(connection, failing, "failing"));
        var held = Assert.Single(await RunsAsync(connection));
        Assert.Equal(RunStatus.Held, held.Status);
        Assert.Empty(await PublishedRunIdsAsync(connection));

        Assert.Equal(MigrateCommand.Completed, await MigrateAsync(connection, Sample, "ok"));

        var runs = await RunsAsync(connection);
        Assert.Equal([RunStatus.Published, RunStatus.Superseded], runs.Select(r => r.Status));
        Assert.Equal(held.Id, runs[1].Id);
        Assert.Equal([runs[0].Id.Value], await PublishedRunIdsAsync(connection));
        Assert.Equal(PublishCommand.NotPublished, (await PublishAsync(connection, held.Id.Value, Reason)).Exit);
    }

    [Fact]
    public async Task Verify_reads_a_run_back_and_tells_when_its_rows_changed_after_it_wrote_them()
    {
        var connection = await CreateConnectionAsync();
        Assert.Equal(MigrateCommand.Completed, await MigrateAsync(connection, Sample, "ok"));
        var run = Assert.Single(await RunsAsync(connection));

        var (exit, output) = await VerifyAsync(connection, run.Id.Value);
        Assert.True(exit == VerifyCommand.Matches, output);
        Assert.Contains($"recorded fingerprint  {run.Fingerprint}", output, StringComparison.Ordinal);
        Assert.Contains("verified", output, StringComparison.Ordinal);

        // One label of one staged line edited in the database after the run: the fingerprint read back no longer matches.
        await using (var provider = Open(connection))
        await using (var db = await provider.OpenAsync(Ct))
        {
            Assert.Equal(1, await db.ExecuteAsync(new CommandDefinition(
                "UPDATE staged_lines SET label = CONCAT(label, '.') WHERE run_id = @run AND record = (SELECT MIN(record) FROM "
                    + "staged_lines WHERE run_id = @run) AND part = 1",
                new { run = run.Id.Value }, cancellationToken: Ct)));
        }

        (exit, output) = await VerifyAsync(connection, run.Id.Value);
        Assert.True(exit == VerifyCommand.Differs, output);
        Assert.Contains($"recorded fingerprint  {run.Fingerprint}", output, StringComparison.Ordinal);
        Assert.Contains("DIFFERENT", output, StringComparison.Ordinal);

        (exit, output) = await VerifyAsync(connection, "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10");
        Assert.True(exit == VerifyCommand.CannotVerify, output);
        Assert.Contains("is not in", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> VerifyAsync(string connection, string run)
    {
        using var output = new StringWriter();
        var exit = await Commands.RunAsync<VerifyCommand>(
            Commands.Console(output),
            c => c.RunAsync(new VerifyCommand.Settings { Provider = Provider, Connection = connection, Run = run }, Ct));
        return (exit, output.ToString());
    }

    private Task<int> MigrateAsync(string connection, string export, string outName) =>
        BasculeApp.Create().RunAsync(
            ["migrate", "--export", export, "--mapping", RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"),
             "--provider", Provider, "--connection", connection, "--out", Temp.Combine(outName)],
            Ct);

    /// <summary><c>bascule publish</c> by this test's operating-system account, an accountant, over the held run's report.</summary>
    private Task<(int Exit, string Output)> PublishAsync(string connection, string run, string? reason, string? report = null) =>
        PublishAsync(
            connection,
            run,
            reason,
            report ?? Temp.Combine("failing", "reconciliation.html"),
            new Dictionary<string, string?> { ["Access:Accountants:0"] = Environment.UserName });

    private async Task<(int Exit, string Output)> PublishAsync(
        string connection,
        string run,
        string? reason,
        string report,
        IReadOnlyDictionary<string, string?> access)
    {
        using var output = new StringWriter();
        var exit = await Commands.RunAsync<PublishCommand>(
            Commands.Console(output), c => c.RunAsync(
                new PublishCommand.Settings { Provider = Provider, Connection = connection, Run = run, Reason = reason, Report = report },
                Ct), access);
        return (exit, output.ToString());
    }

    private async Task<IReadOnlyList<SignOff>> SignOffsAsync(string connection, RunId run)
    {
        await using var provider = Open(connection);
        return await SignOffStore.ListAsync(provider, run, Ct);
    }

    private async Task<IReadOnlyList<RunInfo>> RunsAsync(string connection)
    {
        await using var provider = Open(connection);
        return await RunList.ReadAsync(provider, Ct);
    }

    /// <summary>What <c>bascule runs --format json</c> and <c>bascule runs</c> print.</summary>
    private async Task<(JsonDocument Json, string Text)> RunsCliAsync(string connection)
    {
        using var output = new StringWriter();
        using var json = new StringWriter();
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(
            Commands.Console(output),
            c => c.RunAsync(json, new RunsCommand.Settings { Provider = Provider, Connection = connection, Format = "json" }, Ct)));
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(
            Commands.Console(output),
            c => c.RunAsync(json, new RunsCommand.Settings { Provider = Provider, Connection = connection }, Ct)));
        return (JsonDocument.Parse(json.ToString()), output.ToString());
    }

    /// <summary>The runs the ERP import team sees: those of published_runs, and the runs whose lines published_staged_lines
    /// shows.</summary>
    private async Task<List<string>> PublishedRunIdsAsync(string connection)
    {
        await using var provider = Open(connection);
        await using var db = await provider.OpenAsync(Ct);
        var runs = (await db.QueryAsync<string>(new CommandDefinition("SELECT run_id FROM published_runs", cancellationToken: Ct)))
            .ToList();
        var lines = (await db.QueryAsync<string>(
            new CommandDefinition("SELECT DISTINCT run_id FROM published_staged_lines", cancellationToken: Ct))).ToList();
        Assert.Equal(runs, lines);
        return runs;
    }
}

public sealed class SqlitePublishCommandTests(SqliteDatabase database) : PublishCommandTests<SqliteDatabase>(database);

public sealed class PostgresPublishCommandTests(PostgresDatabase database) : PublishCommandTests<PostgresDatabase>(database);

public sealed class SqlServerPublishCommandTests(SqlServerDatabase database) : PublishCommandTests<SqlServerDatabase>(database);
