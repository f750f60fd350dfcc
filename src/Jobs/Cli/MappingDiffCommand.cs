using System.ComponentModel;
using System.Globalization;
using System.Text;
using Bascule.Extract;
using Bascule.Extract.Values;
using Bascule.Transform;
using Bascule.Transform.Diff;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping diff OLD NEW [--export EXPORT_DIR]</c>: rules added, removed and changed; with an export,
/// the euros each change moves from which target to which.
/// </summary>
public sealed class MappingDiffCommand : AsyncCommand<MappingDiffCommand.Settings>
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
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        MappingVersion oldVersion, newVersion;
        try
        {
            oldVersion = MappingVersion.Load(settings.Old);
            newVersion = MappingVersion.Load(settings.New);
        }
        catch (MappingLoadException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"From {oldVersion.Identity.Id} {oldVersion.Identity.Version} ({oldVersion.Identity.Sha256[..12]}) to {newVersion.Identity.Id} {newVersion.Identity.Version} ({newVersion.Identity.Sha256[..12]})");
        var changes = RuleComparison.Compare(oldVersion, newVersion);
        text.AppendLine(inv, $"Rules: {changes.Count(c => c.Kind == RuleChangeKind.Added)} added, {changes.Count(c => c.Kind == RuleChangeKind.Removed)} removed, {changes.Count(c => c.Kind == RuleChangeKind.Changed)} changed");
        foreach (var change in changes)
        {
            text.AppendLine(change.Kind switch
            {
                RuleChangeKind.Added => $"  + {change.RuleId} (line {change.New!.Line}): {change.New.SourceText} -> {change.New.TargetText} {change.New.Share}%",
                RuleChangeKind.Removed => $"  - {change.RuleId} (line {change.Old!.Line}): {change.Old.SourceText} -> {change.Old.TargetText} {change.Old.Share}%",
                _ => $"  ~ {change.RuleId} (line {change.Old!.Line} -> {change.New!.Line}): {string.Join(", ", change.Fields)}: "
                    + $"{change.Old.SourceText} -> {change.Old.TargetText} {change.Old.Share}%  became  {change.New.SourceText} -> {change.New.TargetText} {change.New.Share}%",
            });
        }

        if (settings.Export is { } folder)
        {
            try
            {
                var export = LegacyExport.Open(folder);
                var lines = new MappingExportLines(export);
                var moves = await MovementCalculator.ComputeAsync(oldVersion, newVersion, lines.ReadAsync(cancellationToken), export.Control.EntityType, cancellationToken);
                text.AppendLine(inv, $"Euros moved on {folder} ({export.Control.EntityType.ToCode()} {export.Control.FiscalYear}): {moves.Count} movement(s)");
                foreach (var move in moves)
                {
                    text.AppendLine(inv, $"  {move.From}  =>  {move.To}: debit {move.Debit}, credit {move.Credit}, {move.Lines} line(s) [{string.Join("; ", move.Rules)}]");
                }
            }
            catch (ExportFileException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 1;
            }
        }

        await MappingOutput.WriteAsync(text.ToString(), settings.Out, cancellationToken);
        return 0;
    }
}
