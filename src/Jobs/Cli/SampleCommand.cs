using System.ComponentModel;
using System.Globalization;
using System.Text;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;
using Bascule.Sample;
using Bascule.Sample.Catalog;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule sample</c>: writes a realistic legacy export folder, deterministic for a seed.</summary>
public sealed class SampleCommand(IAnsiConsole console) : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder to write the export into (created if missing; its six export files are overwritten). With --years, {year} in "
            + "it stands for each year, e.g. samples/commune-{year}; without {year}, each year goes into a subfolder named after it.")]
        public string? Out { get; init; }

        [CommandOption("--entity-type <TYPE>")]
        [Description("COMMUNE or CPAS (default COMMUNE).")]
        public string EntityType { get; init; } = "COMMUNE";

        [CommandOption("--year <YYYY>")]
        [Description("Fiscal year (default 2023).")]
        public int? Year { get; init; }

        [CommandOption("--years <FIRST-LAST>")]
        [Description("Consecutive fiscal years instead of --year, e.g. 2022-2023 (at most 10): each year opens with the previous year's "
            + "closing balances, its result carried onto the patrimoine.")]
        public string? Years { get; init; }

        [CommandOption("--lines <N>")]
        [Description("Exact number of ledger lines in ECRITURES.csv (default 2000).")]
        public long Lines { get; init; } = 2000;

        [CommandOption("--seed <S>")]
        [Description("Seed: the same seed and options give byte-identical files (default 1).")]
        public ulong Seed { get; init; } = 1;

        [CommandOption("--entity-name <NAME>")]
        [Description("ENTITE in EXPORT.txt (default \"Commune d'Etterbeek\" or \"CPAS d'Etterbeek\").")]
        public string? EntityName { get; init; }

        [CommandOption("--ins <CODE>")]
        [Description("5-digit INS code of the commune (default 21005, Etterbeek).")]
        public string Ins { get; init; } = SampleOptions.EtterbeekIns;

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
            {
                return ValidationResult.Error("--out is required: the folder to write the export into, e.g. --out out/sample.");
            }

            if (Year is { } year && Years is { } years)
            {
                return ValidationResult.Error($"--year {year} and --years {years} cannot be used together: give --year for one year, or "
                    + $"--years for consecutive years.");
            }

            if (Year is < YearRange.Earliest or > YearRange.Latest)
            {
                return ValidationResult.Error($"--year {Year} is outside 1990-2100.");
            }

            if (Years is { } range && YearRange.Parse(range, SampleHistory.MaximumYears, out var error) is null)
            {
                return ValidationResult.Error(error!);
            }

            if (Ins.Length != 5 || !Ins.All(char.IsAsciiDigit))
            {
                return ValidationResult.Error($"--ins '{Ins}' is not a 5-digit INS code (Etterbeek is 21005).");
            }

            if (EntityName is { } name && !IsWritableName(name))
            {
                return ValidationResult.Error($"--entity-name '{name}' holds a line break or a character that Windows-1252, the legacy "
                    + $"export's encoding, cannot write.");
            }

            return ValidationResult.Success();
        }

        private static bool IsWritableName(string name)
        {
            try
            {
                ExportEncoding.Windows1252.GetByteCount(name);
                return !name.Any(char.IsControl);
            }
            catch (EncoderFallbackException)
            {
                return false;
            }
        }
    }

    public const int DefaultYear = 2023;

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!EntityTypes.TryParse(settings.EntityType, out var type))
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]--entity-type '{settings.EntityType}' is not COMMUNE or CPAS.[/]");
            return ExitCodes.CouldNotComplete;
        }

        var year = new FiscalYear(settings.Year ?? DefaultYear);
        var options = new SampleOptions(settings.Out!, type, year, settings.Lines, settings.Seed,
            settings.EntityName ?? SampleOptions.DefaultEntityName(type), settings.Ins);
        return settings.Years is { } years
            ? WriteHistory(options, YearRange.Parse(years, SampleHistory.MaximumYears, out _)!)
            : WriteYear(options with { Out = WithYear(options.Out, year) });
    }

    // {year} is replaced for a single year too, so that one --out works with --year and --years alike.
    private static string WithYear(string folder, FiscalYear year) =>
        folder.Contains(SampleHistory.YearPlaceholder, StringComparison.Ordinal) ? SampleHistory.FolderFor(folder, year) : folder;

    private int WriteYear(SampleOptions options)
    {
        var minimum = SampleGenerator.MinimumLines(options);
        if (options.Lines < minimum)
        {
            const string Why = "(its opening journal and one document). Ask for more lines.";
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]--lines {options.Lines} is too few: a {options.EntityType.ToCode()} export needs at least {minimum} lines {Why}[/]");
            return ExitCodes.CouldNotComplete;
        }

        try
        {
            Report(SampleGenerator.Generate(options, previous: null));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CannotWrite(options, e);
            return ExitCodes.CouldNotComplete;
        }

        return 0;
    }

    private int WriteHistory(SampleOptions template, YearRange range)
    {
        var type = template.EntityType;
        var minimum = SampleHistory.MinimumLines(type);
        if (template.Lines < minimum)
        {
            const string Why = "(an opening journal that may carry every balance-sheet account, and one document). Ask for more lines.";
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]--lines {template.Lines} is too few: each year of a {type.ToCode()} history needs at least {
                    minimum} lines {Why}[/]");
            return ExitCodes.CouldNotComplete;
        }

        var plan = SampleHistory.Plan(template, range.First, range.Last);
        var written = 0;
        try
        {
            foreach (var year in SampleHistory.Write(plan))
            {
                Report(year);
                written++;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            CannotWrite(plan[written], e);
            return ExitCodes.CouldNotComplete;
        }

        if (range.Count > 1)
        {
            var opens = range.Count == 2
                ? $"{range.Last} opens with the closing balances of {range.First}"
                : $"Each year from {range.First.Value + 1} to {range.Last} opens with the previous year's closing balances";
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]{
                opens}; the previous year's result is carried onto account {
                    LegacyCatalog.ResultCarriedForward} ({ResultAccountLabel(type)}).[/]");
        }

        return 0;
    }

    private void Report(GeneratedYear year)
    {
        foreach (var file in year.Files)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{file.Name}: {Figures.Count(file.Records)} records");
        }

        var options = year.Options;
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote the {options.EntityType.ToCode()} export of {
            options.EntityName} for {options.Year} to {Path.GetFullPath(options.Out)}.[/]");
    }

    private void CannotWrite(SampleOptions options, Exception e) =>
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Cannot write the sample into {Path.GetFullPath(options.Out)}: {
            e.Message} Choose a folder you can write to, with room for the export.[/]");

    private static string ResultAccountLabel(EntityType type) =>
        LegacyCatalog.Accounts(type).Single(a => a.Code == LegacyCatalog.ResultCarriedForward).Label;
}
