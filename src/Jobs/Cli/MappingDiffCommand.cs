using System.ComponentModel;
using System.Globalization;
using Bascule.Extract;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Transform;
using Bascule.Transform.Diff;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping diff OLD NEW [--export EXPORT_DIR]</c>: rules added, removed and changed; with an export,
/// the euros each change moves from which target to which. Exit code 0 when the rules are identical, 3 when they
/// differ, 1 when the versions (or the export) cannot be read.
/// </summary>
public sealed class MappingDiffCommand(IAnsiConsole console, StandardError errors) : AsyncCommand<MappingDiffCommand.Settings>
{
    public sealed class Settings : CommandSettings
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

        [CommandOption("--out <FILE>")]
        [Description("Write the report to this file instead of the console.")]
        public string? Out { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate() => OutputFormat.Validate(Format);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        MappingDiff diff;
        try
        {
            diff = await CompareAsync(settings, cancellationToken);
        }
        catch (Exception ex) when (ex is MappingLoadException or ExportFileException)
        {
            // On standard error in both formats, as before --format existed: nothing to read on standard output.
            errors.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return ExitCodes.CouldNotComplete;
        }

        var messages = OutputFormat.Messages(settings.Format, console, errors);
        var report = OutputFormat.IsJson(settings.Format) ? JsonOutput.Serialize(MappingDiffReport.Document(diff)) + "\n" : MappingDiffReport.Text(diff);
        await MappingOutput.WriteAsync(report, settings.Out, console, messages, cancellationToken);
        return diff.Identical ? ExitCodes.Done : ExitCodes.Differences;
    }

    private static async Task<MappingDiff> CompareAsync(Settings settings, CancellationToken cancellationToken)
    {
        var oldVersion = MappingVersion.Load(settings.Old);
        var newVersion = MappingVersion.Load(settings.New);
        var changes = RuleComparison.Compare(oldVersion, newVersion);
        if (settings.Export is not { } folder)
        {
            return new MappingDiff(settings.Old, oldVersion, settings.New, newVersion, changes, null, null, null);
        }

        var export = LegacyExport.Open(folder);
        var lines = new MappingExportLines(export);
        var moves = await MovementCalculator.ComputeAsync(oldVersion, newVersion, lines.ReadAsync(cancellationToken), export.Control.EntityType, cancellationToken);
        return new MappingDiff(settings.Old, oldVersion, settings.New, newVersion, changes, folder, export.Control, moves);
    }
}
