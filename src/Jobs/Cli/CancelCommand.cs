using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Composition;
using Hangfire;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule cancel JOB</c>: deletes a job; a running migration sees it within a second, stops between batches and
/// marks its run failed, so nothing is half-published.
/// </summary>
public sealed class CancelCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<CancelCommand.Settings>
{
    public sealed class Settings : FleetJobSettings
    {
        [CommandArgument(0, "<JOB>")]
        [Description("The Hangfire job id printed by `bascule enqueue` or shown on the dashboard.")]
        public string Job { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            if (new BackgroundJobClient(settings.OpenSharedStorage(jobs.Value)).Delete(settings.Job))
            {
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Job {settings.Job} cancelled.");
                return 0;
            }

            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Job {settings.Job} was not cancelled: it does not exist or has already finished. Check the dashboard.[/]");
            return 1;
        }
        catch (Exception ex) when (ex is ArgumentException or DbException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return 1;
        }
    }
}
