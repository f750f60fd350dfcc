using Bascule.Load.Runs;

namespace Bascule.Jobs.Cli.Json;

/// <summary>One run of <c>bascule runs --format json</c>.</summary>
public sealed record RunJson(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string Status,
    MappingJson Mapping,
    string? Fingerprint,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? Failure,
    // The Hangfire job that started the run (as on the dashboard, /hangfire/jobs/details/<job>); null for migrate.
    string? Job,
    // A held run published after review, over its FAILED reconciliation: who published it, when and why; null otherwise.
    RunOverrideJson? PublishedOverFailedReconciliation,
    // The reconciliation's status recorded with the run (OK, WARNING, FAILED); null for runs before it was recorded.
    string? Reconciliation,
    // When and by whom `bascule runs prune` removed the run's rows; null while they are kept.
    RunPrunedJson? Pruned)
{
    public static RunJson From(RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(
            run.Id.Value, run.EntityName, run.EntityType, run.InsCode, run.FiscalYear, run.Status.ToCode(),
            new MappingJson(
                run.Mapping.Id, run.Mapping.Version, run.Mapping.Sha256,
                run.Approval is { } a
                    ? new ApprovalJson(a.By, a.On.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                    : null),
            run.Fingerprint, run.StartedUtc, run.FinishedUtc,
            run.StartedBy, run.ToolVersion, run.FailureMessage, run.Job,
            run.Override is { } o ? new RunOverrideJson(o.By, o.Utc, o.Reason) : null,
            run.ReconciliationStatus,
            run.Pruned is { } p ? new RunPrunedJson(p.Utc, p.By) : null);
    }
}

/// <summary>When (UTC) and by whom a run's rows were pruned.</summary>
public sealed record RunPrunedJson(DateTime Utc, string By);

/// <summary>Who published a held run over its FAILED reconciliation, when (UTC) and why.</summary>
public sealed record RunOverrideJson(string By, DateTime Utc, string Reason);
