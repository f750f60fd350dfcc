using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;

namespace Bascule.Pipeline;

/// <summary>
/// A run that completed, with its reconciliation and the report files written: published, or held (reconciliation
/// FAILED) with <see cref="StillPublished"/> the entity-year's run that stays published, if any.
/// </summary>
public sealed record MigrationResult(
    RunId RunId,
    string Fingerprint,
    ReconciliationResult Reconciliation,
    ReportFiles Reports,
    long RowsWritten,
    int Retries)
{
    /// <summary><see cref="RunStatus.Published"/>, or <see cref="RunStatus.Held"/> when the reconciliation is FAILED.</summary>
    public RunStatus Status { get; init; } = RunStatus.Published;

    /// <summary>For a held run, the run of the same entity and year that is still the published one (null if none).</summary>
    public RunId? StillPublished { get; init; }

    /// <summary>For a held run, why: its FAILED checks, or a reconciliation worse than the published run's.</summary>
    public string? HeldReason { get; init; }

    public bool IsHeld => Status == RunStatus.Held;

    public string ReconciliationPath => Reports.Json;
}
