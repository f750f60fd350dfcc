using Bascule.Extract.Control;
using Bascule.Transform;
using Bascule.Transform.Diff;

namespace Bascule.Jobs.Cli;

/// <summary>
/// What <c>bascule mapping diff</c> compared: the two versions as loaded from their folders, their rule changes, and
/// with <c>--export</c> the export's control file and the euros moved on it (null without it).
/// </summary>
public sealed record MappingDiff(
    string OldDirectory,
    MappingVersion Old,
    string NewDirectory,
    MappingVersion New,
    IReadOnlyList<RuleChange> Changes,
    string? ExportFolder,
    ControlFile? ExportControl,
    IReadOnlyList<Movement>? Movements)
{
    /// <summary>No rule added, removed or changed.</summary>
    public bool Identical => Changes.Count == 0;

    public int Count(RuleChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
