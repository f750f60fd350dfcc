using Bascule.Extract.Values;
using Bascule.Jobs.Hosting;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;

namespace Bascule.Jobs.Workspace.Fleet;

/// <summary>
/// One entity and fiscal year of the fleet: its published run (not merely the latest), its held runs, its latest run,
/// its last migration job (also one that failed before it created a run), and the sign-offs of its runs, oldest first.
/// An entity known only by a job's key (no run yet, not in the fleet file) has no type or INS code.
/// </summary>
public sealed record FleetRow(
    string EntityName,
    string? EntityType,
    string? InsCode,
    string? EntityKey,
    int Year,
    RunInfo? Published,
    IReadOnlyList<RunInfo> Held,
    RunInfo? Latest,
    MigrationJobState? LastJob,
    IReadOnlyList<SignOff> SignOffs)
{
    /// <summary>The run whose reports the row links to: the published one, else the newest held one, else the latest.</summary>
    public RunInfo? Shown => Published ?? (Held.Count > 0 ? Held[0] : Latest);

    /// <summary>The sign-offs of the run shown.</summary>
    public IReadOnlyList<SignOff> ShownSignOffs => Shown is { } run ? [.. SignOffs.Where(s => s.Run == run.Id)] : [];
}

public static class FleetRows
{
    /// <summary>
    /// The rows of the fleet page, by entity name then year. A job is tied to its entity by the run it created (the run
    /// records its job), else by the fleet file's entity of that key, else it stands alone under its key.
    /// </summary>
    public static IReadOnlyList<FleetRow> Build(
        IReadOnlyList<RunInfo> runs, IReadOnlyList<MigrationJobState> jobs, IReadOnlyList<SignOff> signOffs,
        IReadOnlyList<FleetEntity> fleet)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(signOffs);
        ArgumentNullException.ThrowIfNull(fleet);
        var entityOfKey = new Dictionary<string, (string Type, string Ins, string Name)>(StringComparer.OrdinalIgnoreCase);
        foreach (var entity in fleet)
        {
            entityOfKey[entity.Key] = (entity.Type.ToCode(), entity.InsCode, entity.Name);
        }

        var runOfJob = runs.Where(r => r.Job is not null).GroupBy(r => r.Job!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (runOfJob.TryGetValue(job.Id, out var run))
            {
                entityOfKey.TryAdd(job.EntityKey, (run.EntityType, run.InsCode, run.EntityName));
            }
        }

        var rows = new List<FleetRow>();
        var jobsByEntityYear = jobs
            .GroupBy(j => entityOfKey.TryGetValue(j.EntityKey, out var e) ? (e.Type, e.Ins, j.Year) : ("", j.EntityKey, j.Year))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(j => j.Utc ?? DateTime.MinValue).First());
        var keyOfEntity = entityOfKey.GroupBy(p => (p.Value.Type, p.Value.Ins)).ToDictionary(g => g.Key, g => g.First().Key);
        foreach (var group in runs.GroupBy(r => (r.EntityType, r.InsCode, r.FiscalYear)))
        {
            var newestFirst = group.OrderByDescending(r => r.StartedUtc).ToList();
            var ids = newestFirst.Select(r => r.Id).ToHashSet();
            jobsByEntityYear.Remove(group.Key, out var lastJob);
            rows.Add(new FleetRow(
                newestFirst[0].EntityName,
                group.Key.EntityType,
                group.Key.InsCode,
                keyOfEntity.GetValueOrDefault((group.Key.EntityType, group.Key.InsCode)),
                group.Key.FiscalYear,
                newestFirst.FirstOrDefault(r => r.Status == RunStatus.Published),
                [.. newestFirst.Where(r => r.Status == RunStatus.Held)],
                newestFirst[0],
                lastJob,
                [.. signOffs.Where(s => ids.Contains(s.Run))]));
        }

        // Entity-years that only jobs know of: every job failed before it created a run, or none has started yet.
        foreach (var ((type, ins, year), job) in jobsByEntityYear)
        {
            var known = type.Length > 0 ? entityOfKey.First(p => p.Value.Type == type && p.Value.Ins == ins) : default;
            rows.Add(new FleetRow(
                type.Length > 0 ? known.Value.Name : job.EntityKey, type.Length > 0 ? type : null, type.Length > 0
                    ? ins
                    : null, job.EntityKey, year,
                null, [], null, job, []));
        }

        return [.. rows.OrderBy(r => r.EntityName, StringComparer.Ordinal).ThenBy(r => r.EntityType, StringComparer.Ordinal)
            .ThenBy(r => r.Year)];
    }
}
