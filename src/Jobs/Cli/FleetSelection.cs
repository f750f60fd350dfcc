using System.ComponentModel;
using Bascule.Extract.Values;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>Options that pick entity-years of the fleet file: <c>--entity X --year Y</c> or <c>--all --year Y</c>.</summary>
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
    [Description("Required: the fiscal year whose export is migrated, e.g. 2023.")]
    public int? Year { get; init; }

    public override Spectre.Console.ValidationResult Validate()
    {
        if (All == !string.IsNullOrWhiteSpace(Entity))
        {
            return Spectre.Console.ValidationResult.Error(Year is null
                ? "Give either --entity KEY (one entity of the fleet file) or --all, and --year YEAR (the fiscal year, e.g. --year 2023)."
                : "Give either --entity KEY (one entity of the fleet file) or --all.");
        }

        return Year switch
        {
            null => Spectre.Console.ValidationResult.Error("--year is required: the fiscal year between 1990 and 2100, e.g. --year 2023."),
            < 1990 or > 2100 => Spectre.Console.ValidationResult.Error($"--year {Year} is outside 1990-2100: give the fiscal year of the exports, e.g. --year 2023."),
            _ => Spectre.Console.ValidationResult.Success(),
        };
    }

    public FiscalYear FiscalYear => new(Year!.Value);

    public IReadOnlyList<FleetEntity> Select(JobStorageOptions settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var fleet = Hosting.Fleet.Load(string.IsNullOrWhiteSpace(Fleet) ? settings.Fleet : Fleet);
        return All ? fleet.Entities : [fleet.Find(Entity!)];
    }
}
