using System.Globalization;

namespace Bascule.Load.Runs.Leases;

/// <summary>
/// A run found loading: who started it and when, and its lease (null for a run left by a Bascule version before
/// schema V006, which kept none). <paramref name="Job"/> is the Hangfire job that runs it, if any.
/// </summary>
public sealed record LoadingRun(
    RunId Id,
    string EntityName,
    int FiscalYear,
    string StartedBy,
    DateTime StartedUtc,
    string? Job,
    LeaseHolder? Holder,
    DateTime? HeartbeatUtc,
    DateTime? LeaseExpiresUtc)
{
    /// <summary>
    /// Why the run is abandoned, or null while it may still be running: its lease expired, its process is gone from this
    /// host (killed or crashed), this very process no longer runs it (<paramref name="runsHere"/> says which runs it
    /// does), or it has no lease at all.
    /// </summary>
    public Abandonment? Judge(DateTime nowUtc, Func<RunId, bool> runsHere)
    {
        ArgumentNullException.ThrowIfNull(runsHere);
        const string After = "a later run of the same entity and year cleaned it up.";
        if (Holder is null || LeaseExpiresUtc is null)
        {
            return new(
                $"Abandoned: the run stopped while loading and kept no lease (left by a Bascule version before schema V006); {After}",
                ByExpiry: false);
        }

        if (Holder.IsThisProcess && !runsHere(Id))
        {
            return new(
                $"Abandoned: the process that held it ({Holder}) no longer runs it (it stopped without being marked failed); {After}",
                ByExpiry: false);
        }

        if (Holder.IsGoneFromThisHost())
        {
            return new($"Abandoned: its process ({Holder}) is gone (killed or crashed); {After}", ByExpiry: false);
        }

        return LeaseExpiresUtc < nowUtc
            ? new($"Abandoned: its lease expired at {Utc(LeaseExpiresUtc.Value)} (last heartbeat from {Holder} at "
                + $"{Utc(HeartbeatUtc ?? StartedUtc)}); {After}", ByExpiry: true)
            : null;
    }

    /// <summary>Which run, where it runs, since when and until when its lease lasts: for a run that waits for it or stops.</summary>
    public string Describe()
    {
        if (Holder is null)
        {
            return $"run {Id}, loading since {Utc(StartedUtc)}, started by {StartedBy} (no lease: left by a Bascule version before schema "
                + $"V006)";
        }

        var job = Job is null ? "" : $" (Hangfire job {Job})";
        return $"run {Id}, loading since {Utc(StartedUtc)} on {Holder}{job}, started by {StartedBy}; " +
            $"last heartbeat {Utc(HeartbeatUtc ?? StartedUtc)}, lease until {Utc(LeaseExpiresUtc ?? StartedUtc)}";
    }

    internal static string Utc(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
