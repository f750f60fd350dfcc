using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Extract;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.Diff;
using Bascule.Transform;
using Bascule.Transform.Coverage;
using Bascule.Transform.Diff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping diff OLD NEW [--export EXPORT_DIR | --run RUN_ID]</c>: rules added, removed and changed, the new
/// version's findings (those <c>mapping validate NEW</c> prints), and with an export or a staged run the euros each
/// change moves from which target to which. Exit code 0 when the rules are identical and the new version valid, 3 when
/// they differ or the new version is not valid, 1 when the versions, the export or the run cannot be read.
/// </summary>
public sealed class MappingDiffCommand(
    IAnsiConsole console,
    StandardError errors,
    StagingDatabases databases) : AsyncCommand<MappingDiffCommand.Settings>
{
    public sealed class Settings : StagingSettings
    {
        [CommandArgument(0, "<OLD_DIR>")]
        [Description("Folder of the old version.")]
        public string Old { get; init; } = "";

        [CommandArgument(1, "<NEW_DIR>")]
        [Description("Folder of the new version.")]
        public string New { get; init; } = "";

        [CommandOption("--export <EXPORT_DIR>")]
        [Description("Show what the change moves in euros on this legacy export.")]
        public string? Export { get; init; }

        [CommandOption("--run <RUN_ID>")]
        [Description("Show what the change moves in euros on the lines this run staged or left unmapped (see `bascule runs`; --provider "
            + "and --connection name its staging database).")]
        public string? Run { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("Write the report to this file instead of the console.")]
        public string? Out { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate()
        {
            if (OutputFormat.Validate(Format) is { Successful: false } format)
            {
                return format;
            }

            if (Export is not null && Run is not null)
            {
                return ValidationResult.Error(
                    "--export and --run cannot be given together: weigh the change on an export folder (--export EXPORT_DIR) or on the "
                        + "lines a run staged (--run RUN_ID), not both.");
            }

            if (Run is null && (Provider is not null || Connection is not null))
            {
                return ValidationResult.Error(
                    "--provider and --connection name the staging database of --run RUN_ID: give --run too, or leave them out.");
            }

            return Run is null || RunId.TryParse(Run, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error(
                    $"--run '{Run}' is not a run id: give one listed by `bascule runs`, e.g. --run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = databases.Target(settings.Provider, settings.Connection);
        MappingDiff diff;
        try
        {
            diff = await CompareAsync(settings, target, cancellationToken);
        }
        // A database fault once cancelled is the cancellation itself.
        catch (Exception ex) when (ex is MappingLoadException or ExportFileException or ReconcileException or ArgumentException
            or DbException or IOException
                                   && !(ex is DbException && cancellationToken.IsCancellationRequested))
        {
            // On standard error in both formats, as before --format existed: nothing to read on standard output.
            errors.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{databases.Explain(ex, target)}[/]");
            return ExitCodes.CouldNotComplete;
        }

        var messages = OutputFormat.Messages(settings.Format, console, errors);
        var report = OutputFormat.IsJson(settings.Format)
            ? JsonOutput.Serialize(MappingDiffReport.Document(diff)) + "\n"
            : MappingDiffReport.Text(diff);
        await MappingOutput.WriteAsync(report, settings.Out, console, messages, cancellationToken);
        return diff.NothingToReview ? ExitCodes.Done : ExitCodes.Differences;
    }

    private async Task<MappingDiff> CompareAsync(Settings settings, StagingTarget target, CancellationToken cancellationToken)
    {
        var oldVersion = MappingVersion.Load(settings.Old);
        var newVersion = MappingVersion.Load(settings.New);
        var changes = RuleComparison.Compare(oldVersion, newVersion);
        if (settings.Run is { } runId)
        {
            var provider = await databases.OpenAsync(target, cancellationToken);
            var ledger = await StagedLedger.OpenAsync(provider, ReportSettings.ParseRun(runId), cancellationToken);
            var on = MovedLines.Run(ledger.Run.RunId.Value, ledger.EntityType, ledger.Year);
            var validation = await ValidateOnRunAsync(settings.New, newVersion, ledger, cancellationToken);
            var staged = await MovementCalculator.ComputeAsync(
                oldVersion,
                newVersion,
                ledger.ReadAsync(cancellationToken),
                ledger.EntityType,
                cancellationToken);
            return new MappingDiff(settings.Old, oldVersion, settings.New, newVersion, changes, validation, on, staged);
        }

        // The very findings `mapping validate NEW [--export DIR]` prints.
        var findings = await MappingValidateCommand.RunAsync(settings.New, settings.Export, cancellationToken);
        if (settings.Export is not { } folder)
        {
            return new MappingDiff(settings.Old, oldVersion, settings.New, newVersion, changes, findings, null, null);
        }

        var export = LegacyExport.Open(folder);
        var lines = new MappingExportLines(export);
        var moves = await MovementCalculator.ComputeAsync(
            oldVersion,
            newVersion,
            lines.ReadAsync(cancellationToken),
            export.Control.EntityType,
            cancellationToken);
        return new MappingDiff(settings.Old, oldVersion, settings.New, newVersion, changes, findings,
            MovedLines.Export(folder, export.Control.EntityType, export.Control.FiscalYear), moves);
    }

    // As `mapping validate NEW --export` would on the export the run read: the version's own findings, then its coverage
    // of the lines the run mapped or left unmapped (its rejected lines never reached the mapping).
    private static async Task<MappingValidation> ValidateOnRunAsync(
        string directory,
        MappingVersion version,
        StagedLedger ledger,
        CancellationToken cancellationToken)
    {
        var findings = version.Validate().ToList();
        var coverage = await ExportCoverage.ComputeAsync(
            version,
            ledger.ReadAsync(cancellationToken),
            ledger.EntityType,
            ledger.Year,
            cancellationToken);
        findings.AddRange(coverage.Findings);
        return new MappingValidation(directory, version.Identity, findings, null, coverage, 0);
    }
}
