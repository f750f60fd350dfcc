using System.ComponentModel;
using Bascule.Extract;
using Bascule.Jobs.Composition;
using Bascule.Transform;
using Bascule.Transform.Coverage;
using Bascule.Transform.Validation;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping validate DIR [--export EXPORT_DIR] [--format text|json|html]</c>: every auditor check of a
/// version, and with an export its coverage. Exit code 0 when valid, 1 when not. With json, standard output carries the
/// JSON document alone.
/// </summary>
public sealed class MappingValidateCommand(IAnsiConsole console, StandardError errors) : AsyncCommand<MappingValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description("Folder of one mapping version, e.g. mappings/bxl-2024/1.0.0.")]
        public string Directory { get; init; } = "";

        [CommandOption("--export <EXPORT_DIR>")]
        [Description("Also check the coverage of this legacy export folder (EXPORT.txt, ECRITURES.csv…).")]
        public string? Export { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description("text (default), json (one JSON document on standard output) or html.")]
        public string Format { get; init; } = OutputFormat.Text;

        [CommandOption("--out <FILE>")]
        [Description("Write the report to this file instead of the console.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() => OutputFormat.Validate(Format, OutputFormat.Text, OutputFormat.Json, Html);
    }

    public const string Html = "html";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var validation = await RunAsync(settings.Directory, settings.Export, cancellationToken);
        var report = settings.Format switch
        {
            OutputFormat.Json => MappingReportJson.Write(validation),
            Html => MappingReportHtml.Write(validation),
            _ => MappingReportText.Write(validation),
        };
        await MappingOutput.WriteAsync(
            report,
            settings.Out,
            console,
            OutputFormat.Messages(settings.Format, console, errors),
            cancellationToken);
        return validation.IsValid ? ExitCodes.Done : ExitCodes.CouldNotComplete;
    }

    public static async Task<MappingValidation> RunAsync(string directory, string? exportFolder, CancellationToken cancellationToken)
    {
        MappingVersion version;
        try
        {
            version = MappingVersion.Load(directory);
        }
        catch (MappingLoadException ex)
        {
            return new MappingValidation(directory, null,
                [new MappingFinding(
                    FindingSeverity.Error,
                    ex.Line > 0 ? "SYNTAX" : "UNREADABLE",
                    null,
                    ex.File,
                    ex.Line,
                    ex.Line > 0 ? $"column {ex.Column}: {ex.Problem}" : ex.Problem)], exportFolder, null, 0);
        }

        var findings = version.Validate().ToList();
        if (exportFolder is null)
        {
            return new MappingValidation(directory, version.Identity, findings, null, null, 0);
        }

        try
        {
            var export = LegacyExport.Open(exportFolder);
            var lines = new MappingExportLines(export);
            var coverage = await ExportCoverage.ComputeAsync(
                version,
                lines.ReadAsync(cancellationToken),
                export.Control.EntityType,
                export.Control.FiscalYear,
                cancellationToken);
            findings.AddRange(coverage.Findings);
            return new MappingValidation(directory, version.Identity, findings, exportFolder, coverage, lines.Rejected);
        }
        catch (ExportFileException ex)
        {
            findings.Add(new MappingFinding(
                FindingSeverity.Error,
                "EXPORT_UNREADABLE",
                null,
                ex.File.Length > 0 ? ex.File : exportFolder,
                (int)(ex.Line ?? 0),
                ex.Message));
            return new MappingValidation(directory, version.Identity, findings, exportFolder, null, 0);
        }
    }
}
