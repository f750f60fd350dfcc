using Bascule.Extract.Values;
using Bascule.Transform.Rules;

namespace Bascule.Transform.Manifests;

/// <summary>A version's <c>mapping.yaml</c>, parsed. <see cref="Lines"/> records where each key is, for findings.</summary>
public sealed record Manifest(
    string Id,
    string Version,
    string Description,
    string Chart,
    IReadOnlyList<EntityType> EntityTypes,
    YearRange FiscalYears,
    Approval? Approval,
    IReadOnlyDictionary<string, int> Lines);
