using System.ComponentModel;
using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Jobs.Cli.Json;
using Bascule.Jobs.Composition;
using Bascule.Jobs.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule fleet</c>: the entities of the fleet file as this machine sees them: each export folder pattern and mapping
/// folder resolved (relative paths against the fleet file's folder), and whether each folder exists and can be read:
/// for <c>--year</c> or <c>--years</c> the export folder of each of those years, else the years whose folder exists.
/// Exit 0 when every folder is there, 2 when one is missing or unreadable, 1 when the fleet file cannot be used.
/// </summary>
public sealed class FleetCommand(
    IAnsiConsole console,
    IOptions<JobStorageOptions> jobs,
    StandardError errors) : Command<FleetCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--fleet <FILE>")]
        [Description("The fleet file (default: setting Jobs:Fleet, else fleet.json).")]
        public string? Fleet { get; init; }

        [CommandOption("--year <YEAR>")]
        [Description("Check the export folder of this fiscal year (default: list the years whose export folder exists).")]
        public int? Year { get; init; }

        [CommandOption("--years <FIRST-LAST>")]
        [Description("Check the export folder of each of these fiscal years, e.g. 2019-2023.")]
        public string? Years { get; init; }

        [CommandOption(OutputFormat.Option)]
        [Description(OutputFormat.Description)]
        public string Format { get; init; } = OutputFormat.Text;

        public override ValidationResult Validate()
        {
            if (OutputFormat.Validate(Format) is { Successful: false } format)
            {
                return format;
            }

            if (Year is not null && Years is not null)
            {
                return ValidationResult.Error("Give --year YEAR or --years FIRST-LAST, not both.");
            }

            if (Year is < YearRange.Earliest or > YearRange.Latest)
            {
                return ValidationResult.Error($"--year {Year} is outside {YearRange.Earliest}-{YearRange.Latest}: give the fiscal year of "
                    + $"the exports, e.g. --year 2023.");
            }

            return Years is not null && YearRange.Parse(Years, FleetSelection.MaxYears, out var problem) is null
                ? ValidationResult.Error(problem!)
                : ValidationResult.Success();
        }

        /// <summary>The years asked for, or null to list those found.</summary>
        public IReadOnlyList<FiscalYear>? FiscalYears =>
            Year is { } year
                ? [new FiscalYear(year)]
                : Years is null ? null : YearRange.Parse(Years, FleetSelection.MaxYears, out _)!.Years;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Fleet fleet;
        try
        {
            fleet = Fleet.Load(string.IsNullOrWhiteSpace(settings.Fleet) ? jobs.Value.Fleet : settings.Fleet);
        }
        catch (FleetFileException ex)
        {
            OutputFormat.Messages(settings.Format, console, errors)
                .MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return ExitCodes.CouldNotComplete;
        }

        var entities = fleet.Entities.Select(e =>
        {
            var exports = (settings.FiscalYears ?? FleetFolders.YearsFound(e)).Select(y => FleetFolders.Export(e, y)).ToList();
            return (Entity: e, Exports: exports, Mapping: FleetFolders.Mapping(e));
        }).ToList();
        var ok = entities.All(e => e.Exports.Count > 0 && e.Exports.All(x => x.IsOk) && e.Mapping.IsOk);
        if (OutputFormat.IsJson(settings.Format))
        {
            JsonOutput.Write(console, new FleetDocument(fleet.Path, ok, [.. entities.Select(e => new FleetEntityJson(
                e.Entity.Key, e.Entity.Name, e.Entity.Type.ToCode(), e.Entity.InsCode, e.Entity.Export,
                [.. e.Exports.Select(Json)], Json(e.Mapping), e.Exports.Count > 0 && e.Exports.All(x => x.IsOk) && e.Mapping.IsOk))]));
        }
        else
        {
            Table(fleet, entities, settings.FiscalYears is null);
        }

        return ok ? ExitCodes.Done : ExitCodes.Failed;
    }

    private void Table(Fleet fleet, List<(FleetEntity Entity, List<FolderCheck> Exports, FolderCheck Mapping)> entities, bool found)
    {
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Fleet {fleet.Path} (relative paths resolved against its folder):");
        var table = new Table().AddColumns("Entity", "Type", "INS", "Year", "Export folder", "Export", "Mapping folder", "Mapping");
        foreach (var (entity, exports, mapping) in entities)
        {
            if (exports.Count == 0)
            {
                table.AddRow(Cells(entity, "-", entity.Export, found ? "no year found" : "missing", mapping));
            }

            foreach (var export in exports)
            {
                table.AddRow(
                    Cells(entity, export.Year!.Value.ToString(CultureInfo.InvariantCulture), export.Path, State(export.State), mapping));
            }
        }

        console.Write(table);
        foreach (var problem in entities.SelectMany(e => e.Exports.Append(e.Mapping).Select(c => FleetFolders.Problem(e.Entity, c)))
            .OfType<string>()
            .Distinct())
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{problem}.[/]");
        }

        foreach (var (entity, _, _) in entities.Where(e => e.Exports.Count == 0))
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"[red]{entity.Key}: no export folder matches {entity.Export}.[/]");
        }
    }

    private static string[] Cells(FleetEntity entity, string year, string exportPath, string exportState, FolderCheck mapping) =>
        [.. new[] { entity.Key, entity.Type.ToCode(), entity.InsCode, year, exportPath, exportState, mapping.Path, State(mapping.State) }
            .Select(Markup.Escape)];

    private static string State(FolderState state) => state switch
    {
        FolderState.Ok => "ok",
        FolderState.Missing => "missing",
        _ => "unreadable",
    };

    private static FleetFolderJson Json(FolderCheck check) => new(check.Path, State(check.State), check.Year);
}
