namespace Bascule.Jobs.Hosting;

/// <summary>What a server's migration jobs share: the staging target and how long a job waits for another run of its entity and
/// year.</summary>
public sealed record MigrationJobOptions(StagingTarget Staging, TimeSpan LockTimeout)
{
    /// <summary>Long enough for a large entity-year ahead in line to finish; past it the job fails and is retried later.</summary>
    public static readonly TimeSpan DefaultLockTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The staging provider shared by every job of the process (its connection pool, its schema checked once at start);
    /// null opens one per job from <see cref="Staging"/>.
    /// </summary>
    public Load.Providers.IStagingProvider? Provider { get; init; }

    /// <summary>The governance policies of every job (approved mappings required, tolerances); none when null.</summary>
    public Pipeline.PolicySet? Policies { get; init; }

    /// <summary>Called with the run once it is published or held (serve builds its drill-down indexes then).</summary>
    public Action<Load.Runs.RunId>? RunCompleted { get; init; }

    public int BatchSize { get; init; } = new Load.StagingOptions().BatchSize;

    /// <summary>Passed to every job's run (see <see cref="Load.StagingOptions.BeforeBatchWrite"/>): for instrumentation and
    /// tests.</summary>
    public Func<Load.BatchAttempt, CancellationToken, ValueTask>? BeforeBatchWrite { get; init; }
}
