using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Hangfire;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule enqueue</c>: puts migration jobs of fleet entities in the shared job storage, for the serve processes to run.</summary>
public sealed class EnqueueCommand : Command<FleetSelection>
{
    public override int Execute(CommandContext context, FleetSelection settings, CancellationToken cancellationToken)
    {
        try
        {
            var entities = settings.Select();
            var client = new BackgroundJobClient(settings.OpenSharedStorage());
            foreach (var entity in entities)
            {
                var job = FleetEnqueuer.Enqueue(client, entity, settings.FiscalYear);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"job [bold]{job}[/]: {entity.Key} {settings.FiscalYear} ({entity.ExportFolder(settings.FiscalYear)})");
            }

            return 0;
        }
        catch (Exception ex) when (ex is FleetFileException or ArgumentException or DbException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return 1;
        }
    }
}
