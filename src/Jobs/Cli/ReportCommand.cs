using System.Data.Common;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule report --run RUN_ID</c> (and <c>bascule report diff RUN_A RUN_B</c>, see <see cref="ReportDiff"/>): recomputes a run's reconciliation from the staging database (and, with --export,
/// from the source files) and writes the JSON, HTML, Excel and CSV reports. Exit code 0 when the reconciliation is OK or
/// WARNING, 2 when it is FAILED, 1 when it could not be computed, 130 when interrupted by Ctrl-C or SIGTERM (the reports
/// are written all or none: the folder is then as it was).
/// </summary>
public sealed class ReportCommand : AsyncCommand<ReportSettings>
{
    // A second Ctrl-C can leave only the hidden folder the reports were being written into.
    private const string AtOnce = "the output folder may keep a hidden .writing-… folder of unfinished files, which can be deleted";

    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            AtOnce,
            token => settings.IsDiff ? ReportDiff.RunAsync(settings, token) : WriteAsync(settings, token),
            _ => settings.IsDiff
                ? $"the comparison of runs {settings.RunA} and {settings.RunB} stopped; nothing was written."
                : $"the reports of run {settings.Run} were not written; {Path.GetFullPath(OutDir(settings))} is as it was. Run the same command again.",
            cancellationToken);

    private static async Task<int> WriteAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        var run = ReportSettings.ParseRun(settings.Run);
        var outDir = OutDir(settings);
        var options = new ReportOptions(settings.ShowPersonalData || BasculeConfiguration.ShowPersonalData());
        try
        {
            await using var provider = settings.CreateProvider();
            var profile = settings.Profile is null ? null : ExportProfile.Load(settings.Profile);
            var result = await Reconciler.ComputeAsync(provider, run.Value, settings.Export, cancellationToken, profile);
            var files = await ReportWriter.WriteAllAsync(result, outDir, options, cancellationToken);
            Print(result, files);
            return result.Status == Verdict.Failed ? 2 : 0;
        }
        // A database fault once cancelled is the cancellation itself, reported by the caller.
        catch (Exception ex) when (ex is ArgumentException or ExportFileException or ReconcileException or DbException or IOException or UnauthorizedAccessException
                                   && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{settings.Scrub(ex.Message)}[/]");
            return 1;
        }
    }

    private static string OutDir(ReportSettings settings) =>
        settings.Out ?? Path.Combine(BasculeConfiguration.Resolve(null, "Out", "out"), "runs", settings.Run ?? "");

    private static void Print(ReconciliationResult result, ReportFiles files)
    {
        var colour = result.Status switch { Verdict.Ok => "green", Verdict.Warning => "yellow", _ => "red" };
        var run = result.Run;
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Reconciliation of run {run.RunId}: {run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}, mapping {run.Mapping.Id} {run.Mapping.Version}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  status [{colour}]{result.Status.ToCode()}[/] ({result.Checks.Count(c => c.Status != Verdict.Ok)} of {result.Checks.Count} comparisons not OK; source ledger from {result.LedgerSource})");
        foreach (var check in result.Checks.Where(c => c.Status != Verdict.Ok).Take(20))
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {check.Status.ToCode(),-7} {check.Name}: expected {check.Expected}, found {check.Found}, difference {check.Difference} {check.Unit}");
        }

        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  HTML report: {Path.GetFullPath(files.Html)}");
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  also {Path.GetFileName(files.Json)}, {Path.GetFileName(files.Xlsx)} and {files.Csv.Count} CSV files in {Path.GetFullPath(Path.GetDirectoryName(files.Html)!)}");
    }
}
