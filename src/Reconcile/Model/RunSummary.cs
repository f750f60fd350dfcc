using Bascule.Extract.Values;
using Bascule.Load.Runs;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.Model;

/// <summary>The run a reconciliation is about, as its <c>runs</c> row records it.</summary>
public sealed record RunSummary(
    RunId RunId,
    string Entity,
    string EntityType,
    string InsCode,
    FiscalYear FiscalYear,
    RunStatus RunStatus,
    MappingIdentity Mapping,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? Fingerprint)
{
    /// <summary>The tolerances the run was reconciled with (recorded when it started; none for runs before they were).</summary>
    public Tolerances Tolerances { get; init; } = Tolerances.None;

    /// <summary>The approval of the mapping version when the run started; null: not approved, which every output of the run says.</summary>
    public MappingApproval? MappingApproval { get; init; }

    public bool IsMappingApproved => MappingApproval is not null;
}
