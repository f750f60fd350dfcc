using Bascule.Load.Runs;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Model;

/// <summary>The run a reconciliation is about, as its <c>runs</c> row records it.</summary>
public sealed record RunSummary(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string RunStatus,
    MappingReference Mapping,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? Fingerprint)
{
    /// <summary>The tolerances the run was reconciled with (recorded when it started; none for runs before they were).</summary>
    public Tolerances Tolerances { get; init; } = Tolerances.None;
}

/// <summary>
/// The exact mapping version a run used, and its approval when the run started (<paramref name="Approval"/>; null:
/// not approved, which every output of the run says).
/// </summary>
public sealed record MappingReference(string Id, string Version, string Sha256, MappingApproval? Approval = null)
{
    public bool IsApproved => Approval is not null;
}
