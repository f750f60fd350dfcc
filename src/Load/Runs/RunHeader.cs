using Bascule.Extract.Values;
using Bascule.Transform.Mapping;

namespace Bascule.Load.Runs;

/// <summary>What a run is about, recorded before its first row: the entity, the year, the mapping, who and which tool.</summary>
public sealed record RunHeader(
    string EntityName,
    EntityType EntityType,
    string InsCode,
    FiscalYear FiscalYear,
    MappingIdentity Mapping,
    string StartedBy,
    string ToolVersion);
