using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Composition;
using Hangfire;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule enqueue</c>: puts migration jobs of fleet entities in the shared job storage, for the serve processes to run.</summary>
public sealed class EnqueueCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<FleetSelection>
{
    public override int Execute(CommandContext context, FleetSelection settings, CancellationToken cancellationToken)
    {
        try
        {
            var entities = settings.Select(jobs.Value);
            var client = new BackgroundJobClient(settings.OpenSharedStorage(jobs.Value));
            foreach (var entity in entities)
            {
                var job = FleetEnqueuer.Enqueue(client, entity, settings.FiscalYear);
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"job [bold]{job}[/]: {entity.Key} {settings.FiscalYear} ({entity.ExportFolder(settings.FiscalYear)})");
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
