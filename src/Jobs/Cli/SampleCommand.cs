using System.ComponentModel;
using System.Globalization;
using System.Text;
using Bascule.Extract.Encodings;
using Bascule.Extract.Values;
using Bascule.Sample;
using Bascule.Sample.Files;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule sample</c>: writes a realistic legacy export folder, deterministic for a seed.</summary>
public sealed class SampleCommand(IAnsiConsole console) : Command<SampleCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Folder to write the export into (created if missing; its six export files are overwritten).")]
        public string? Out { get; init; }

        [CommandOption("--entity-type <TYPE>")]
        [Description("COMMUNE or CPAS (default COMMUNE).")]
        public string EntityType { get; init; } = "COMMUNE";

        [CommandOption("--year <YYYY>")]
        [Description("Fiscal year (default 2023).")]
        public int Year { get; init; } = 2023;

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

            if (Year is < 1990 or > 2100)
            {
                return ValidationResult.Error($"--year {Year} is outside 1990-2100.");
            }

            if (Ins.Length != 5 || !Ins.All(char.IsAsciiDigit))
            {
                return ValidationResult.Error($"--ins '{Ins}' is not a 5-digit INS code (Etterbeek is 21005).");
            }

            if (EntityName is { } name && !IsWritableName(name))
            {
                return ValidationResult.Error($"--entity-name '{name}' holds a line break or a character that Windows-1252, the legacy export's encoding, cannot write.");
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

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!EntityTypes.TryParse(settings.EntityType, out var type))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--entity-type '{settings.EntityType}' is not COMMUNE or CPAS.[/]");
            return ExitCodes.CouldNotComplete;
        }

        var options = new SampleOptions(settings.Out!, type, new FiscalYear(settings.Year), settings.Lines, settings.Seed,
            settings.EntityName ?? SampleOptions.DefaultEntityName(type), settings.Ins);
        var minimum = SampleGenerator.MinimumLines(options);
        if (options.Lines < minimum)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]--lines {options.Lines} is too few: a {type.ToCode()} export needs at least {minimum} lines (its opening journal and one document). Ask for more lines.[/]");
            return ExitCodes.CouldNotComplete;
        }

        IReadOnlyList<WrittenFile> files;
        try
        {
            files = SampleGenerator.Generate(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Cannot write the sample into {Path.GetFullPath(options.Out)}: {e.Message} Choose a folder you can write to, with room for the export.[/]");
            return 1;
        }

        foreach (var file in files)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{file.Name}: {Figures.Count(file.Records)} records");
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]Wrote the {type.ToCode()} export of {options.EntityName} for {options.Year} to {Path.GetFullPath(options.Out)}.[/]");
        return 0;
    }
}
