using System.Diagnostics;
using System.Text.RegularExpressions;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// The real executable (<c>dotnet bascule.dll</c>, copied beside this test) with its output redirected, as cron or a
/// log sees it: no line is wrapped, whatever width the terminal claims, and every amount is written one way, whichever
/// provider the amounts were read from. Run once per provider.
/// </summary>
public abstract partial class RedirectedOutputTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Migrate_and_runs_write_whole_lines_and_amounts_the_one_way()
    {
        var commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");
        var mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
        var held = await ExportCopies.OneEuroMoreLedgerDebitAsync(commune, Temp.Combine("one-euro-more"));
        string[] staging = ["--provider", Provider, "--connection", await CreateConnectionAsync()];

        var published = await BasculeAsync(
            ["migrate", "--export", commune, "--mapping", mapping, .. staging, "--out", Temp.Combine("out-published")]);
        var failed = await BasculeAsync(["migrate", "--export", held, "--mapping", mapping, .. staging, "--out", Temp.Combine("out-held")]);
        var runs = await BasculeAsync(["runs", .. staging]);

        Assert.True(published.Exit == 0, published.Stdout + published.Stderr);
        Assert.True(failed.Exit == 2, failed.Stdout + failed.Stderr);
        Assert.True(runs.Exit == 0, runs.Stdout + runs.Stderr);
        foreach (var (migrate, outDir) in new[] { (published, "out-published"), (failed, "out-held") })
        {
            // The report's path and the run id each appear whole on one line: they can be copied from the log.
            Assert.Contains(Lines(migrate.Stdout), l => l == "  report: " + Path.Combine(Temp.Combine(outDir), "reconciliation.html"));
            var runId = RunLine().Match(migrate.Stdout).Groups["run"].Value;
            Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", runId);
            Assert.Contains(Lines(runs.Stdout), l => l.Contains(runId, StringComparison.Ordinal)
                && l.Contains("Commune d'Etterbeek (COMMUNE 21005)", StringComparison.Ordinal));
        }

        // The held run's failed check says in words what differs, with its euros (so the amount format below is really
        // exercised), and where the report says what to do; its technical name stays in the JSON report.
        Assert.Matches(
            @"FAILED   check 2, control totals: ECRITURES\.csv, debit total: \d{1,3}(\.\d{3})*,\d{2} announced by EXPORT\.txt, "
                + @"\d{1,3}(\.\d{3})*,\d{2} read \(difference -1,00\)\.",
            failed.Stdout);
        Assert.DoesNotContain("controlTotals:", failed.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            Lines(failed.Stdout),
            l => l == "  what to do about each, and who acts on it, is in the report: "
                + Path.Combine(Temp.Combine("out-held"), "reconciliation.html"));
        foreach (var output in new[] { published.Stdout, failed.Stdout, runs.Stdout })
        {
            Assert.DoesNotMatch(@"\d,\d{3}", output);
            Assert.DoesNotMatch(@"\.\d{2}\b", output);
            // Every duration the one way too: seconds with two decimals after a comma, as the stages print them.
            Assert.All(Regex.Matches(output, @"\b[\d.,]+ s\b"), m => Assert.Matches(@"^\d+,\d{2} s$", m.Value));
        }

        Assert.Matches(@"drill-down indexes: \d+ built in \d+,\d{2} s", published.Stdout);

        // A cut-over of the held run is refused, and says how to publish it once signed off.
        var heldRun = RunLine().Match(failed.Stdout).Groups["run"].Value;
        var cutover = await BasculeAsync(["cutover", "--run", heldRun, .. staging, "--out", Temp.Combine("package")]);
        Assert.True(cutover.Exit == 1, cutover.Stdout + cutover.Stderr);
        Assert.Contains($"bascule publish --run {heldRun} --reason", cutover.Stdout + cutover.Stderr, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>
    /// Runs <c>dotnet bascule.dll args…</c> in the temporary folder with standard output and error redirected, a narrow
    /// terminal claimed (COLUMNS=60) and no <c>BASCULE_</c> setting inherited from the test's environment.
    /// </summary>
    private async Task<(int Exit, string Stdout, string Stderr)> BasculeAsync(string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
                ? host
                : "dotnet",
            WorkingDirectory = Temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bascule.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BASCULE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["COLUMNS"] = "60";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet bascule.dll did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"^Run (?<run>\S+) (published|held, not published,) in ", RegexOptions.Multiline)]
    private static partial Regex RunLine();
}

public sealed class SqliteRedirectedOutputTests(SqliteDatabase database) : RedirectedOutputTests<SqliteDatabase>(database);

public sealed class PostgresRedirectedOutputTests(PostgresDatabase database) : RedirectedOutputTests<PostgresDatabase>(database);

public sealed class SqlServerRedirectedOutputTests(SqlServerDatabase database) : RedirectedOutputTests<SqlServerDatabase>(database);
