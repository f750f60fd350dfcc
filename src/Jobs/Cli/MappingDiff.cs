using Bascule.Transform;
using Bascule.Transform.Diff;

namespace Bascule.Jobs.Cli;

/// <summary>
/// What <c>bascule mapping diff</c> compared: the two versions as loaded from their folders, their rule changes, the
/// new version's findings (a change is only worth reviewing if the new version can be used), and with <c>--export</c>
/// or <c>--run</c> the lines weighed and the euros moved on them (null without either).
/// </summary>
public sealed record MappingDiff(
    string OldDirectory,
    MappingVersion Old,
    string NewDirectory,
    MappingVersion New,
    IReadOnlyList<RuleChange> Changes,
    MappingValidation NewValidation,
    MovedLines? On,
    IReadOnlyList<Movement>? Movements)
{
    /// <summary>No rule added, removed or changed.</summary>
    public bool Identical => Changes.Count == 0;

    /// <summary>Nothing to review: identical rules, and a new version that is valid. Anything else exits 3.</summary>
    public bool NothingToReview => Identical && NewValidation.IsValid;

    public int Count(RuleChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
