using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Composition;
using Hangfire;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule enqueue</c>: puts migration jobs of fleet entities in the shared job storage, for the serve processes to
/// run: one job per entity and fiscal year (<c>--year</c>, or each year of <c>--years FIRST-LAST</c>). An export or
/// mapping folder that is missing or unreadable here refuses the whole command, naming each, before anything is queued.
/// </summary>
public sealed class EnqueueCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<FleetSelection>
{
    public override int Execute(CommandContext context, FleetSelection settings, CancellationToken cancellationToken)
    {
        try
        {
            var entities = settings.Select(jobs.Value);
            // All or nothing: one missing folder refuses the whole command, so no entity-year is queued half-way.
            var problems = entities
                .SelectMany(e => settings.FiscalYears.Select(y => FleetFolders.Export(e, y)).Append(FleetFolders.Mapping(e))
                    .Select(c => FleetFolders.Problem(e, c)))
                .OfType<string>()
                .Distinct()
                .ToList();
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{problem}.[/]");
                }

                console.MarkupLine("[red]Nothing was enqueued. Fix the folders or the fleet file (`bascule fleet` lists what each entity "
                    + "resolves to), then enqueue again.[/]");
                return ExitCodes.CouldNotComplete;
            }

            var client = new BackgroundJobClient(settings.OpenSharedStorage(jobs.Value));
            // Oldest year first for each entity: continuity between years (check 10) is computed as each pair completes.
            foreach (var entity in entities)
            {
                foreach (var year in settings.FiscalYears)
                {
                    var job = FleetEnqueuer.Enqueue(client, entity, year);
                    console.MarkupLineInterpolated(
                        CultureInfo.InvariantCulture,
                        $"job [bold]{job}[/]: {entity.Key} {year} ({entity.ExportFolder(year)})");
                }
            }

            return 0;
        }
        catch (Exception ex) when (ex is FleetFileException or ArgumentException or DbException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return 1;
        }
    }
}
