using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Composition;
using Hangfire;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule schedule</c>: recurring dress rehearsals of fleet entities, one recurring job per entity and year.</summary>
public sealed class ScheduleCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<ScheduleCommand.Settings>
{
    public sealed class Settings : FleetSelection
    {
        [CommandOption("--cron <CRON>")]
        [Description("When to run, as a cron expression in UTC, e.g. \"0 2 * * 6\" (Saturdays 02:00).")]
        public string? Cron { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Cron) ? ValidationResult.Error("--cron is required, e.g. --cron \"0 2 * * 6\" (Saturdays 02:00 UTC).") : base.Validate();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            var entities = settings.Select(jobs.Value);
            var manager = new RecurringJobManager(settings.OpenSharedStorage(jobs.Value));
            foreach (var entity in entities)
            {
                var id = FleetEnqueuer.Schedule(manager, entity, settings.FiscalYear, settings.Cron!);
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"recurring job [bold]{id}[/]: {settings.Cron}");
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
