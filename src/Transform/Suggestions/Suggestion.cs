using Bascule.Extract.Values;
using Bascule.Transform.Coverage;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// The draft rule for one uncovered combination: its id (<c>DRAFT-001</c>), the entity type it is limited to (only
/// when a rule for the other type would otherwise tie with it), the candidates best first, and a note when the
/// draft needs more than a justification (no candidate, or a function the chart does not have).
/// </summary>
public sealed record Suggestion(
    string RuleId,
    CombinationStats Combination,
    EntityType? EntityType,
    IReadOnlyList<Candidate> Candidates,
    string? Note)
{
    public Candidate? Best => Candidates.Count > 0 ? Candidates[0] : null;
}
