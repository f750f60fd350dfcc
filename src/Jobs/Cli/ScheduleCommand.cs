using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Composition;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule schedule</c>: recurring dress rehearsals of fleet entities in the shared job storage, one recurring job per
/// entity and year (<c>rehearsal:ENTITY:YEAR</c>). <c>--cron</c> adds or replaces them, <c>--list</c> shows every
/// recurring job of the storage, <c>--remove</c> removes them. Exit code 0 when done, 1 when not (bad arguments or cron
/// expression, unknown entity, job storage unreachable, <c>--remove</c> of a recurring job that does not exist).
/// </summary>
public sealed class ScheduleCommand(IAnsiConsole console, IOptions<JobStorageOptions> jobs) : Command<ScheduleCommand.Settings>
{
    public const int Done = 0;
    public const int NotDone = 1;

    public sealed class Settings : FleetSelection
    {
        [CommandOption("--cron <CRON>")]
        [Description("Adds or replaces the rehearsals of --entity KEY (or --all) for --year YEAR (required: a rehearsal migrates one "
            + "fiscal year's export), run when this cron expression in UTC comes, e.g. \"0 2 * * 6\" (Saturdays 02:00): five fields, "
                + "minute hour day-of-month month day-of-week.")]
        public string? Cron { get; init; }

        [CommandOption("--list")]
        [Description(
            "Lists the recurring jobs of the job storage: id, entity, year, cron, next and last execution (UTC) and the last job's state.")]
        public bool List { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("With --list: text (default) or json.")]
        public string Format { get; init; } = "text";

        [CommandOption("--remove [ID]")]
        [Description("Removes the recurring job ID (as --list shows it, e.g. rehearsal:commune-etterbeek:2023); without ID, the "
            + "rehearsals of --entity KEY (or of every entity with --all) for --year YEAR.")]
        public FlagValue<string>? Remove { get; init; }

        /// <summary>The recurring job named by <c>--remove ID</c>, or null.</summary>
        public string? RemoveId => Remove is { IsSet: true, Value: { } id } && !string.IsNullOrWhiteSpace(id) ? id.Trim() : null;

        public bool Removing => Remove is { IsSet: true };

        public override ValidationResult Validate()
        {
            var actions = (Cron is null ? 0 : 1) + (List ? 1 : 0) + (Removing ? 1 : 0);
            if (actions == 0)
            {
                return ValidationResult.Error(
                    $"Say what to do: --cron \"{RehearsalCron.Example}\" with --entity KEY (or --all) and --year YEAR to schedule "
                        + $"rehearsals, --list to show the recurring jobs, --remove ID to remove one.");
            }

            if (actions > 1)
            {
                return ValidationResult.Error("Give one of --cron, --list and --remove, not several.");
            }

            if (Format is not ("text" or "json"))
            {
                return ValidationResult.Error($"--format '{Format}' is not text or json.");
            }

            if (Format != "text" && !List)
            {
                return ValidationResult.Error("--format goes with --list.");
            }

            var selects = All || Entity is not null || Year is not null || Years is not null;
            if (List)
            {
                return selects
                    ? ValidationResult.Error("--list shows every recurring job: give it without --entity, --all or --year.")
                    : ValidationResult.Success();
            }

            if (Removing && Remove!.Value is not null)
            {
                if (RemoveId is null)
                {
                    return ValidationResult.Error("--remove needs the id of a recurring job, as bascule schedule --list shows it, e.g. "
                        + "--remove rehearsal:commune-etterbeek:2023.");
                }

                return selects
                    ? ValidationResult.Error($"--remove {RemoveId} names one recurring job: give it without --entity, --all or --year (or "
                        + $"--remove without an id, with --entity KEY or --all and --year YEAR).")
                    : ValidationResult.Success();
            }

            if (Cron is not null && RehearsalCron.Problem(Cron) is { } problem)
            {
                return ValidationResult.Error($"--cron {problem}");
            }

            return base.Validate();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            if (settings.List)
            {
                return List(settings.OpenSharedStorage(jobs.Value), settings.Format == "json");
            }

            if (settings.Removing)
            {
                return Remove(settings);
            }

            var entities = settings.Select(jobs.Value);
            var storage = settings.OpenSharedStorage(jobs.Value);
            var manager = new RecurringJobManager(storage);
            foreach (var entity in entities)
            {
                foreach (var year in settings.FiscalYears)
                {
                    var id = FleetEnqueuer.Schedule(manager, entity, year, settings.Cron!);
                    var next = RehearsalCron.Next(settings.Cron!, DateTime.UtcNow);
                    console.MarkupLineInterpolated(
                        CultureInfo.InvariantCulture,
                        $"recurring job [bold]{id}[/]: {entity.Key} {year} ({entity.ExportFolder(year)}) at \"{
                            settings.Cron!.Trim()}\" UTC, next {Utc(next)} UTC");
                }
            }

            return Done;
        }
        catch (Exception ex) when (ex is FleetFileException or ArgumentException or DbException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return NotDone;
        }
    }

    private int List(JobStorage storage, bool json)
    {
        List<RecurringJobDto> jobs;
        using (var connection = storage.GetConnection())
        {
            jobs = connection.GetRecurringJobs().OrderBy(j => j.Id, StringComparer.Ordinal).ToList();
        }

        if (json)
        {
            console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(jobs.Select(Json), JsonOptions));
            return Done;
        }

        if (jobs.Count == 0)
        {
            console.MarkupLineInterpolated(
                CultureInfo.InvariantCulture,
                $"No recurring jobs in the job storage: add rehearsals with bascule schedule --entity KEY --year YEAR --cron \"{
                    RehearsalCron.Example}\".");
            return Done;
        }

        var table = new Table().AddColumns("Id", "Entity", "Year", "Cron (UTC)", "Next (UTC)", "Last (UTC)", "Last state");
        foreach (var job in jobs)
        {
            var (entity, year) = Rehearsal(job);
            table.AddRow(
                Markup.Escape(job.Id),
                Markup.Escape(entity ?? "-"),
                year?.ToString(CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(job.Cron + (IsUtc(job.TimeZoneId) ? "" : $" ({job.TimeZoneId})")),
                Utc(job.NextExecution),
                Utc(job.LastExecution),
                Markup.Escape(job.LastJobState is null ? "-" : $"{job.LastJobState} (job {job.LastJobId})"));
        }

        console.Write(table);
        foreach (var job in jobs.Where(j => j.Error is not null || j.LoadException is not null))
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{job.Id}: {job.Error ?? job.LoadException!.Message}[/]");
        }

        return Done;
    }

    private int Remove(Settings settings)
    {
        var storage = settings.OpenSharedStorage(jobs.Value);
        List<string> ids;
        using (var connection = storage.GetConnection())
        {
            var existing = ExistingIds(connection);
            if (settings.RemoveId is { } id)
            {
                if (!existing.Contains(id))
                {
                    console.MarkupLineInterpolated(
                        CultureInfo.InvariantCulture,
                        $"[red]No recurring job '{id}' in the job storage: nothing removed. bascule schedule --list shows the ids.[/]");
                    return NotDone;
                }

                ids = [id];
            }
            else
            {
                // The rehearsals in the storage, not the entities of the fleet file: an entity taken out of the file keeps
                // its recurring job until it is removed here.
                var years = settings.FiscalYears;
                ids = settings.All
                    ? existing.Where(i => i.StartsWith(FleetEnqueuer.RehearsalPrefix, StringComparison.Ordinal)
                        && years.Any(year => i.EndsWith($":{year}", StringComparison.Ordinal))).Order(StringComparer.Ordinal).ToList()
                    : existing.Where(i => years.Any(year => i == FleetEnqueuer.RehearsalId(settings.Entity!, year)))
                        .Order(StringComparer.Ordinal)
                        .ToList();
                if (ids.Count == 0)
                {
                    var which = settings.All
                        ? $"of {string.Join(", ", years)}"
                        : string.Join(", ", years.Select(year => FleetEnqueuer.RehearsalId(settings.Entity!, year)));
                    console.MarkupLineInterpolated(
                        CultureInfo.InvariantCulture,
                        $"[red]No recurring rehearsal {
                            which} in the job storage: nothing removed. bascule schedule --list shows the recurring jobs.[/]");
                    return NotDone;
                }
            }
        }

        var manager = new RecurringJobManager(storage);
        foreach (var id in ids)
        {
            manager.RemoveIfExists(id);
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"removed recurring job [bold]{id}[/]");
        }

        return Done;
    }

    private static HashSet<string> ExistingIds(IStorageConnection connection) => connection.GetAllItemsFromSet("recurring-jobs");

    private static readonly JsonSerializerOptions JsonOptions = new() {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private static object Json(RecurringJobDto job)
    {
        var (entity, year) = Rehearsal(job);
        return new
        {
            id = job.Id,
            entity,
            year,
            cron = job.Cron,
            timeZone = job.TimeZoneId ?? "UTC",
            nextExecutionUtc = AsUtc(job.NextExecution),
            lastExecutionUtc = AsUtc(job.LastExecution),
            lastJob = job.LastJobId,
            lastJobState = job.LastJobState,
            error = job.Error ?? job.LoadException?.Message,
        };
    }

    // The entity and year a rehearsal migrates, from its job's arguments (MigrationJob.RunAsync(entity, year, ...)).
    private static (string? Entity, int? Year) Rehearsal(RecurringJobDto job) =>
        job.Job is { Type: var type, Args: [string entity, int year, ..] } && type == typeof(MigrationJob) ? (entity, year) : (null, null);

    private static bool IsUtc(string? timeZoneId) => timeZoneId is null or "UTC" or "Etc/UTC" or "Coordinated Universal Time";

    private static DateTime? AsUtc(DateTime? time) => time is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc) : null;

    private static string Utc(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
}
