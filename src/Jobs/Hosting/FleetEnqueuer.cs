using Bascule.Extract.Values;
using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>Turns fleet entities into migration jobs in the job storage: once now, or recurring (dress rehearsals).</summary>
public static class FleetEnqueuer
{
    public static string Enqueue(IBackgroundJobClient client, FleetEntity entity, FiscalYear year) =>
        client.Enqueue<MigrationJob>(job => job.RunAsync(entity.Key, year.Value, entity.ExportFolder(year), entity.Mapping, null, CancellationToken.None));

    public static IReadOnlyList<string> EnqueueAll(IBackgroundJobClient client, Fleet fleet, FiscalYear year) =>
        fleet.Entities.Select(e => Enqueue(client, e, year)).ToList();

    /// <summary>Adds or replaces the recurring rehearsal of one entity and year; returns its recurring job id.</summary>
    public static string Schedule(IRecurringJobManager manager, FleetEntity entity, FiscalYear year, string cron)
    {
        var id = $"rehearsal:{entity.Key}:{year}";
        manager.AddOrUpdate<MigrationJob>(id, job => job.RunAsync(entity.Key, year.Value, entity.ExportFolder(year), entity.Mapping, null, CancellationToken.None), cron);
        return id;
    }
}
