using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule cutover --run RUN_ID</c>: the opening position of the first new year (opening balances, open items, open
/// commitments) from a published run of the last legacy year, in the neutral import layout, with its reconciliation and
/// manifest. Exit code 0 when the package reconciles (OK or WARNING), 2 when a check FAILED (the package is still
/// written, to be read with its reconciliation), 1 when no package could be built, 130 when interrupted by Ctrl-C or
/// SIGTERM (the package is written all or none: the folder is then as it was).
/// </summary>
public sealed class CutoverCommand(
    IAnsiConsole console, StagingDatabases databases, IOptions<OutputOptions> output, IOptions<ReportsOptions> reports,
    IOptions<CutoverDefaultsOptions> cutover,
    StandardError errors)
    : AsyncCommand<CutoverCommand.Settings>
{
    public const int Written = 0;
    public const int NotWritten = 1;
    public const int ReconciliationFailed = 2;

    public sealed class Settings : StagingSettings
    {
        [CommandOption("--run <RUN_ID>")]
        [Description("The published run of the last legacy fiscal year (see `bascule runs`).")]
        public string? Run { get; init; }

        [CommandOption("--as-of <YYYY-MM-DD>")]
        [Description("Date of the opening position (default: 1 January of the year after the run's fiscal year).")]
        public string? AsOf { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Folder for the package (default: out/cutover/<runId>/).")]
        public string? Out { get; init; }

        [CommandOption("--result-account <ACCOUNT>")]
        [Description("Closing rule: the new class-1 account that receives the net of classes 6 and 7 (default 100000; setting "
            + "Cutover:ResultAccount).")]
        public string? ResultAccount { get; init; }

        [CommandOption("--show-personal-data")]
        [Description("Write third parties' names into the open items and leave labels unmasked (default: codes only, people's names and "
            + "IBANs masked; setting Reports:ShowPersonalData).")]
        public bool ShowPersonalData { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate()
        {
            if (OutputFormat.Validate(Format) is { Successful: false } format)
            {
                return format;
            }

            if (string.IsNullOrWhiteSpace(Run))
            {
                return ValidationResult.Error("--run is required: the published run of the last legacy year, as `bascule runs` lists it, "
                    + "e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");
            }

            if (!RunId.TryParse(Run, out _))
            {
                return ValidationResult.Error($"--run '{Run}' is not a run id: give the published run listed by `bascule runs`, e.g. "
                    + $"--run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");
            }

            return AsOf is null || DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--as-of '{AsOf}' is not a date written yyyy-MM-dd, e.g. --as-of 2024-01-01.");
        }
    }

    // A second Ctrl-C can leave only the hidden folder the package was being written into.
    private const string AtOnce = "the output folder may keep a hidden .writing-… folder of unfinished files, which can be deleted";

    public override Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken) =>
        Interruption.RunAsync(
            AtOnce,
            token => RunAsync(settings, token),
            _ => $"the cut-over package of run {settings.Run} was not written; {Path.GetFullPath(OutDir(settings))} is as it was. Run the "
                + $"same command again.",
            cancellationToken);

    public async Task<int> RunAsync(Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var run = ReportSettings.ParseRun(settings.Run);
        var outDir = OutDir(settings);
        var show = settings.ShowPersonalData || reports.Value.ShowPersonalData;
        var options = new CutoverOptions(
            settings.AsOf is { } asOf ? DateOnly.ParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            string.IsNullOrWhiteSpace(settings.ResultAccount) ? cutover.Value.ResultAccount : settings.ResultAccount);
        var target = databases.Target(settings.Provider, settings.Connection);
        try
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            var result = await CutoverCalculator.ComputeAsync(provider, run, options, show, cancellationToken);
            PackageManifest manifest;
            try
            {
                manifest = await CutoverPackage.WriteAsync(result, outDir, new ReportOptions(show), cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                OutputFormat.Messages(settings.Format, console, errors).MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]The cut-over package of run {run} could not be written to {Path.GetFullPath(outDir)}: {
                        ex.Message} Give --out a folder you can write to.[/]");
                return NotWritten;
            }

            if (OutputFormat.IsJson(settings.Format))
            {
                JsonOutput.Write(console, Document(manifest, outDir));
            }
            else
            {
                Print(console, manifest, outDir);
            }

            return result.Status == Verdict.Failed ? ReconciliationFailed : Written;
        }
        // A database fault once cancelled is the cancellation itself, reported by the caller.
        catch (Exception ex) when (ex is ArgumentException or CutoverException or DbException or IOException or UnauthorizedAccessException
                                   && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            OutputFormat.Messages(settings.Format, console, errors)
                .MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return NotWritten;
        }
    }

    private string OutDir(Settings settings) =>
        settings.Out ?? Path.Combine(output.Value.Root, "cutover", settings.Run ?? "");

    private static void Print(IAnsiConsole console, PackageManifest manifest, string outDir)
    {
        var result = manifest.Result;
        var run = result.Run;
        var colour = result.Status switch { Verdict.Ok => "green", Verdict.Warning => "yellow", _ => "red" };
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Cut-over of {run.Entity} ({run.EntityType} {run.InsCode}) as of {
            result.AsOf:yyyy-MM-dd}, from run {run.RunId} ({run.FiscalYear}), mapping {run.Mapping.Id} {run.Mapping.Version}");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  reconciliation [{colour}]{result.Status.ToCode()}[/] ({
            result.Checks.Count(c => c.Status != Verdict.Ok)} of {result.Checks.Count} comparisons not OK)");
        foreach (var check in result.Checks.Where(c => c.Status != Verdict.Ok).Take(20))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {check.Status.ToCode(),-7} {check.Name}: expected {
                Figures.Figure(check.Expected, check.IsMoney)}, found {Figures.Figure(check.Found, check.IsMoney)}, difference {
                    Figures.Figure(check.Difference, check.IsMoney)} {check.Unit}");
        }

        foreach (var file in manifest.Files.Where(f => f.Rows is not null))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"  {file.Name}: {Figures.Count(file.Rows!.Value)} rows, {
                string.Join(", ", file.Totals.Select(t => $"{t.Key} {Figures.Amount(t.Value)}"))}");
        }

        console.MarkupLineInterpolated(
            CultureInfo.InvariantCulture,
            $"  package, reconciliation and {CutoverPackage.ManifestFile} in {Path.GetFullPath(outDir)}");
    }

    private static CutoverDocument Document(PackageManifest manifest, string outDir)
    {
        var result = manifest.Result;
        var run = result.Run;
        return new(
            run.RunId.Value, run.Entity, run.EntityType, run.InsCode, run.FiscalYear.Value, result
                .AsOf, new MappingJson(run.Mapping.Id, run.Mapping.Version, run.Mapping.Sha256),
            result.Status.ToCode(), [.. result.Checks.Select(CheckJson.From)],
            [.. manifest.Files.Select(f => new CutoverFileJson(f.Name, f.Sha256, f.Rows, f.Rows is null ? null : f.Totals))],
            Path.GetFullPath(outDir));
    }
}
