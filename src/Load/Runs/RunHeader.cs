using Bascule.Extract.Values;
using Bascule.Transform.Mapping;

namespace Bascule.Load.Runs;

/// <summary>
/// What a run is about, recorded before its first row: the entity, the year, the mapping, who and which tool, the
/// Hangfire job that started it (<paramref name="Job"/>; null for a run started by <c>bascule migrate</c>), the mapping
/// version's approval (<paramref name="Approval"/>; null when not approved) and the reconciliation's tolerances.
/// </summary>
public sealed record RunHeader(
    string EntityName,
    EntityType EntityType,
    string InsCode,
    FiscalYear FiscalYear,
    MappingIdentity Mapping,
    string StartedBy,
    string ToolVersion,
    string? Job = null,
    MappingApproval? Approval = null,
    Tolerances? Tolerances = null);
