using Bascule.Extract.Values;
using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>Turns fleet entities into migration jobs in the job storage: once now, or recurring (dress rehearsals).</summary>
public static class FleetEnqueuer
{
    public static string Enqueue(IBackgroundJobClient client, FleetEntity entity, FiscalYear year) =>
        client.Enqueue<MigrationJob>(
            job => job.RunAsync(entity.Key, year.Value, entity.ExportFolder(year), entity.Mapping, null, CancellationToken.None));

    public static IReadOnlyList<string> EnqueueAll(IBackgroundJobClient client, Fleet fleet, FiscalYear year) =>
        fleet.Entities.Select(e => Enqueue(client, e, year)).ToList();

    /// <summary>The prefix of every recurring rehearsal's id: <c>rehearsal:ENTITY:YEAR</c>.</summary>
    public const string RehearsalPrefix = "rehearsal:";

    /// <summary>The id of the recurring rehearsal of one entity and year.</summary>
    public static string RehearsalId(string entityKey, FiscalYear year) => $"{RehearsalPrefix}{entityKey}:{year}";

    /// <summary>Adds or replaces the recurring rehearsal of one entity and year (cron in UTC); returns its recurring job id.</summary>
    public static string Schedule(IRecurringJobManager manager, FleetEntity entity, FiscalYear year, string cron)
    {
        var id = RehearsalId(entity.Key, year);
        manager.AddOrUpdate<MigrationJob>(
            id,
            job => job.RunAsync(entity.Key, year.Value, entity.ExportFolder(year), entity.Mapping, null, CancellationToken.None),
            cron.Trim());
        return id;
    }
}
