using Bascule.Transform.Mapping;

namespace Bascule.Load.Runs;

/// <summary>
/// One run as listed by <c>bascule runs</c>; <paramref name="Job"/> is the Hangfire job that started it, if any, and
/// <paramref name="Override"/> who published it over a FAILED reconciliation (a held run published after review), if anyone.
/// For a held run, <paramref name="FailureMessage"/> names the failed checks.
/// </summary>
public sealed record RunInfo(
    RunId Id,
    string EntityName,
    string EntityType,
    string InsCode,
    int FiscalYear,
    RunStatus Status,
    MappingIdentity Mapping,
    string? Fingerprint,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? FailureMessage,
    string? Job,
    PublishOverride? Override = null,
    MappingApproval? Approval = null,
    string? ReconciliationStatus = null,
    RunPruning? Pruned = null);

/// <summary>When and by whom <c>bascule runs prune</c> removed a run's rows (its runs row stays, as a record).</summary>
public sealed record RunPruning(DateTime Utc, string By);

/// <summary>Who published a held run (its reconciliation FAILED) after reviewing its report, when, and the reason they gave.</summary>
public sealed record PublishOverride(string By, DateTime Utc, string Reason);

/// <summary>A run's recorded fingerprint against the one its rows give now, read back from the database.</summary>
public sealed record FingerprintVerification(
    RunId Run,
    string EntityName,
    int FiscalYear,
    RunStatus Status,
    string Recorded,
    string Recomputed)
{
    public bool Matches => string.Equals(Recorded, Recomputed, StringComparison.Ordinal);
}
