using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Hangfire;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary><c>bascule schedule</c>: recurring dress rehearsals of fleet entities, one recurring job per entity and year.</summary>
public sealed class ScheduleCommand : Command<ScheduleCommand.Settings>
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
            var entities = settings.Select();
            var manager = new RecurringJobManager(settings.OpenSharedStorage());
            foreach (var entity in entities)
            {
                var id = FleetEnqueuer.Schedule(manager, entity, settings.FiscalYear, settings.Cron!);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"recurring job [bold]{id}[/]: {settings.Cron}");
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
