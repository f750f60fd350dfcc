using System.ComponentModel;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Values;
using Bascule.Transform;
using Bascule.Transform.Suggestions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping suggest --export DIR --mapping VERSION_DIR --out FILE</c>: for every account/article combination
/// of the export that no rule of the version covers, ranks candidate targets with their reasons and writes a draft
/// rules file whose justifications are empty. A draft is never applied by itself: the command never writes into a
/// version folder, and validation refuses a rule without a justification. Exit 0 when done (a draft written, or
/// nothing to draft), 1 when it could not complete.
/// </summary>
public sealed class MappingSuggestCommand(IAnsiConsole console) : AsyncCommand<MappingSuggestCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--export <DIR>")]
        [Description("The legacy export folder (EXPORT.txt and the CSV files).")]
        public string? Export { get; init; }

        [CommandOption("--mapping <VERSION_DIR>")]
        [Description("The mapping version folder, e.g. mappings/bxl-2024/1.0.0.")]
        public string? Mapping { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The draft rules file to write (rules.csv format, empty justifications); outside every mapping version folder, and "
            + "not an existing file.")]
        public string? Out { get; init; }

        [CommandOption("--candidates <N>")]
        [Description("How many ranked candidates to list per combination (default 3).")]
        public int Candidates { get; init; } = SuggestionEngine.DefaultCandidates;

        [CommandOption("--format <FORMAT>")]
        [Description("text (default): a summary; json: the combinations and their candidates, for tools.")]
        public string Format { get; init; } = "text";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Export))
            {
                return ValidationResult.Error(
                    "--export is required: the folder that holds EXPORT.txt, e.g. --export samples/commune-etterbeek-2023.");
            }

            if (string.IsNullOrWhiteSpace(Mapping))
            {
                return ValidationResult.Error("--mapping is required: the mapping version folder, e.g. --mapping mappings/bxl-2024/1.0.0.");
            }

            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out is required: the draft file to write, e.g. --out out/draft-rules.csv.");
            }

            if (Candidates is < 1 or > 20)
            {
                return ValidationResult.Error($"--candidates {Candidates} must be between 1 and 20.");
            }

            return Format is "text" or "json"
                ? ValidationResult.Success()
                : ValidationResult.Error($"--format '{Format}' is not text or json.");
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        MappingVersion version;
        try
        {
            version = MappingVersion.Load(settings.Mapping!);
        }
        catch (MappingLoadException ex)
        {
            return Refuse($"The mapping version cannot be read: {ex.Message}");
        }

        var draft = Path.GetFullPath(settings.Out!);
        if (DraftLocation.VersionFolderHolding(draft, version.Directory) is { } folder)
        {
            return Refuse($"--out {settings.Out} is inside the mapping version folder {folder}: a draft is never put into a version. "
                + $"Write it elsewhere (e.g. out/draft-rules.csv) and copy the rules you have justified into a new version folder.");
        }

        if (File.Exists(draft) || Directory.Exists(draft))
        {
            return Refuse(
                $"{settings.Out} already exists and may hold justifications written since: give another file name, or remove it first.");
        }

        ExportRead read;
        string exportName;
        try
        {
            var export = LegacyExport.Open(settings.Export!);
            exportName = Path.GetFileName(export.Folder);
            if (!version.Covers(export.Control.EntityType, export.Control.FiscalYear))
            {
                return Refuse($"Mapping {version.Identity.Id} {version.Identity.Version} covers "
                    + $"{string.Join(", ", version.Manifest.EntityTypes.Select(t => t.ToCode()))} "
                    + $"for {version.Manifest.FiscalYears}, not this export ({export.Control.EntityType.ToCode()} "
                        + $"{export.Control.FiscalYear}); suggest against a version that covers it.");
            }

            read = await ExportReading.ReadAsync(version, export, cancellationToken);
        }
        catch (ExportFileException ex)
        {
            return Refuse($"File-level fault, the export cannot be used: {ex.Message}");
        }

        var report = SuggestionEngine.Suggest(version, read.Coverage, read.Evidence, settings.Candidates);
        if (report.Combinations > 0)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(draft)!);
            DraftRulesFile.Write(draft, report, version, exportName);
        }

        if (settings.Format == "json")
        {
            await console.Profile.Out.Writer
                .WriteLineAsync(MappingSuggestJson.Write(report, version, exportName, report.Combinations > 0 ? settings.Out! : null));
            return ExitCodes.Done;
        }

        Summary(report, settings.Out!, read.RejectedLines);
        return ExitCodes.Done;
    }

    private void Summary(SuggestionReport report, string file, long rejected)
    {
        if (report.Combinations == 0)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"Every account/article combination of the export is covered by a rule: nothing to draft, {file} not written.");
            return;
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture,
            $"[bold]{report.Combinations}[/] account/article combinations no rule covers: {report.Lines} lines, debit {
                report.Debit}, credit {report.Credit}.");
        var table = new Table().AddColumns("Rule", "Account", "Article", "Lines", "Debit", "Credit", "Best candidate", "Score");
        foreach (var suggestion in report.Suggestions)
        {
            var c = suggestion.Combination;
            table.AddRow(
                Markup.Escape(suggestion.RuleId), c.Account, c.Article?.ToString() ?? "(none)", c.Lines
                    .ToString(CultureInfo.InvariantCulture),
                c.Debit.ToString(), c.Credit.ToString(), Markup.Escape(suggestion.Best?.TargetText ?? "(none: write it by hand)"),
                suggestion.Best?.Score.ToString("0.00", CultureInfo.InvariantCulture) ?? "");
        }

        console.Write(table);
        if (rejected > 0)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{
                rejected} damaged ledger lines were rejected by Extract and are not counted here (bascule extract lists them).[/]");
        }

        const string Next = "the ranked candidates and their reasons are in its comments, every JUSTIFICATION is empty. "
            + "Review each rule and write why it exists; bascule mapping validate refuses a rule without one.";
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Draft written to [bold]{file}[/]: {Next}");
    }

    private int Refuse(string message)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
        return ExitCodes.CouldNotComplete;
    }
}
