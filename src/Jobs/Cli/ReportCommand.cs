using System.Data.Common;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Load;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule report --run RUN_ID</c> (and <c>bascule report diff RUN_A RUN_B</c>, see <see cref="ReportDiff"/>): recomputes a run's
/// reconciliation from the staging database (and, with --export,
/// from the source files) and writes the JSON, HTML, Excel and CSV reports. Exit code 0 when the reconciliation is OK or
/// WARNING, 2 when it is FAILED, 1 when it could not be computed, 130 when interrupted by Ctrl-C or SIGTERM (the reports
/// are written all or none: the folder is then as it was).
/// </summary>
public sealed class ReportCommand(
    IAnsiConsole console, StagingDatabases databases, IOptions<OutputOptions> output,
        IOptions<ReportsOptions> reports, StandardError errors)
    : AsyncCommand<ReportSettings>
{
    // A second Ctrl-C can leave only the hidden folder the reports were being written into.
    private const string AtOnce = "the output folder may keep a hidden .writing-… folder of unfinished files, which can be deleted";

    public override Task<int> ExecuteAsync(CommandContext context, ReportSettings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            AtOnce,
            token => settings.IsDiff ? new ReportDiff(console, databases, errors).RunAsync(settings, token) : WriteAsync(settings, token),
            _ => settings.IsDiff
                ? $"the comparison of runs {settings.RunA} and {settings.RunB} stopped; nothing was written."
                : $"the reports of run {settings.Run} were not written; {Path.GetFullPath(OutDir(settings))} is as it was. Run the same "
                    + $"command again.",
            cancellationToken);

    private async Task<int> WriteAsync(ReportSettings settings, CancellationToken cancellationToken)
    {
        var run = ReportSettings.ParseRun(settings.Run);
        var outDir = OutDir(settings);
        var options = new ReportOptions(settings.ShowPersonalData || reports.Value.ShowPersonalData);
        var target = databases.Target(settings.Provider, settings.Connection);
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            var profile = settings.Profile is null ? null : ExportProfile.Load(settings.Profile);
            var result = await Reconciler.ComputeAsync(provider, run, settings.Export, cancellationToken, profile);
            // A report that was signed is never overwritten: the new ones go beside it, in a folder of their own.
            if (SignedReportIn(outDir, await SignOffStore.ListAsync(provider, run, cancellationToken)) is { } signed)
            {
                outDir = Path.Combine(
                    outDir,
                    string.Create(CultureInfo.InvariantCulture, $"regenerated-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}"));
                if (!OutputFormat.IsJson(settings.Format))
                {
                    console.MarkupLineInterpolated(
                        CultureInfo.InvariantCulture,
                        $"{signed} was signed off and is kept as it was: the regenerated reports are written to {
                            Path.GetFullPath(outDir)}.");
                }
            }

            // The reconciliation's working set (the export read again, the staged side) is garbage: let it go before the reports.
            ProcessMemory.ReturnFreedMemory();
            ReportFiles files;
            try
            {
                files = await ReportWriter.WriteAllAsync(result, outDir, options, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                OutputFormat.Messages(settings.Format, console, errors).MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]The reports of run {run} could not be written to {Path.GetFullPath(outDir)}: {
                        ex.Message} Give --out a folder you can write to.[/]");
                return ExitCodes.CouldNotComplete;
            }

            if (OutputFormat.IsJson(settings.Format))
            {
                JsonOutput.Write(console, Document(result, files));
            }
            else
            {
                Print(result, files);
            }
            return result.Status == Verdict.Failed ? ExitCodes.Failed : ExitCodes.Done;
        }
        // A database fault once cancelled is the cancellation itself, reported by the caller.
        catch (Exception ex) when (ex is ArgumentException or ExportFileException or ReconcileException or DbException or IOException
            or UnauthorizedAccessException
                                   && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            OutputFormat.Messages(settings.Format, console, errors)
                .MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }
    }

    /// <summary>The first report file in <paramref name="folder"/> whose SHA-256 a sign-off names, if any.</summary>
    private static string? SignedReportIn(string folder, IReadOnlyList<SignOff> signOffs) =>
        signOffs
            .Select(s => (Path: Path.Combine(folder, Path.GetFileName(s.Report.Name)), s.Report.Sha256))
            .Where(s => File.Exists(s.Path) && string.Equals(FileHashes.Sha256(s.Path), s.Sha256, StringComparison.Ordinal))
            .Select(s => Path.GetFullPath(s.Path))
            .FirstOrDefault();

    private string OutDir(ReportSettings settings) =>
        settings.Out ?? Path.Combine(output.Value.Root, "runs", settings.Run ?? "");

    private void Print(ReconciliationResult result, ReportFiles files)
    {
        var colour = result.Status switch { Verdict.Ok => "green", Verdict.Warning => "yellow", _ => "red" };
        var run = result.Run;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Reconciliation of run {run.RunId}: {run.Entity} ({run.EntityType} {
            run.InsCode}) {run.FiscalYear}, mapping {run.Mapping.Id} {run.Mapping.Version}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  status [{colour}]{result.Status.ToCode()}[/] ({
            result.Checks.Count(c => c.Status != Verdict.Ok)} of {
                result.Checks.Count} comparisons not OK; source ledger from {result.LedgerSource})");
        foreach (var check in result.Checks.Where(c => c.Status != Verdict.Ok).Take(20))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {check.Status.ToCode(),-7} {check.Name}: expected {
                Figures.Figure(check.Expected, check.IsMoney)}, found {
                    Figures.Figure(check.Found, check.IsMoney)}, difference {
                    Figures.Figure(check.Difference, check.IsMoney)} {check.Unit}");
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  HTML report: {Path.GetFullPath(files.Html)}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  also {Path.GetFileName(files.Json)}, {
            Path.GetFileName(files.Xlsx)} and {files.Csv.Count} CSV files in {Path.GetFullPath(Path.GetDirectoryName(files.Html)!)}");
    }

    private static ReportDocument Document(ReconciliationResult result, ReportFiles files)
    {
        var run = result.Run;
        return new(
            run.RunId.Value, run.Entity, run.EntityType, run.InsCode, run.FiscalYear
                .Value, new MappingJson(run.Mapping.Id, run.Mapping.Version, run.Mapping.Sha256),
            result.Status.ToCode(), result.LedgerSource, result.Checks.Count(c => c.Status != Verdict.Ok), [.. result.Checks
                .Select(CheckJson.From)],
            new ReportFilesJson(
                Path.GetFullPath(Path.GetDirectoryName(files.Html)!), Path.GetFullPath(files.Html), Path.GetFullPath(files.Json), Path
                    .GetFullPath(files.Xlsx),
                [.. files.Csv.Select(Path.GetFullPath)]));
    }
}
