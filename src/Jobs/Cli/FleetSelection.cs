using System.ComponentModel;
using Bascule.Extract.Values;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Options that pick entity-years of the fleet file: <c>--entity X</c> or <c>--all</c>, with <c>--year Y</c> or a range
/// of years <c>--years 2019-2023</c> (a commune's history is migrated several years at a time).
/// </summary>
public class FleetSelection : FleetJobSettings
{
    [CommandOption("--fleet <FILE>")]
    [Description("The fleet file (default: setting Jobs:Fleet, else fleet.json).")]
    public string? Fleet { get; init; }

    [CommandOption("--entity <KEY>")]
    [Description("The key of one entity of the fleet file.")]
    public string? Entity { get; init; }

    [CommandOption("--all")]
    [Description("Every entity of the fleet file.")]
    public bool All { get; init; }

    [CommandOption("--year <YEAR>")]
    [Description("The fiscal year whose export is migrated, e.g. 2023 (or --years).")]
    public int? Year { get; init; }

    [CommandOption("--years <FIRST-LAST>")]
    [Description("A range of fiscal years, each with its own export folder, e.g. 2019-2023 (instead of --year).")]
    public string? Years { get; init; }

    /// <summary>The most years one range may name: a history, not a typo such as 2019-2923.</summary>
    public const int MaxYears = 30;

    public override Spectre.Console.ValidationResult Validate()
    {
        if (All == !string.IsNullOrWhiteSpace(Entity))
        {
            return Spectre.Console.ValidationResult.Error(Year is null && Years is null
                ? "Give either --entity KEY (one entity of the fleet file) or --all, and --year YEAR (the fiscal year, e.g. --year 2023) "
                    + "or --years FIRST-LAST."
                : "Give either --entity KEY (one entity of the fleet file) or --all.");
        }

        if (Year is not null && Years is not null)
        {
            return Spectre.Console.ValidationResult.Error("Give --year YEAR or --years FIRST-LAST, not both.");
        }

        if (Years is not null)
        {
            return YearRange.Parse(Years, MaxYears, out var problem) is null
                ? Spectre.Console.ValidationResult.Error(problem)
                : Spectre.Console.ValidationResult.Success();
        }

        return Year switch
        {
            null => Spectre.Console.ValidationResult
                .Error("--year is required: the fiscal year between 1990 and 2100, e.g. --year 2023 (or --years 2019-2023)."),
            < 1990 or > 2100 => Spectre.Console.ValidationResult
                .Error($"--year {Year} is outside 1990-2100: give the fiscal year of the exports, e.g. --year 2023."),
            _ => Spectre.Console.ValidationResult.Success(),
        };
    }

    /// <summary>The years picked, oldest first: the one of <c>--year</c>, or each of <c>--years</c>.</summary>
    public IReadOnlyList<FiscalYear> FiscalYears
    {
        get
        {
            if (Years is null)
            {
                return [new FiscalYear(Year!.Value)];
            }

            return YearRange.Parse(Years, MaxYears, out _)!.Years;
        }
    }

    public IReadOnlyList<FleetEntity> Select(JobStorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var fleet = Hosting.Fleet.Load(string.IsNullOrWhiteSpace(Fleet) ? settings.Fleet : Fleet);
        return All ? fleet.Entities : [fleet.Find(Entity!)];
    }
}
