using Bascule.Transform.Coverage;
using Bascule.Transform.Mapping;
using Bascule.Transform.Validation;

namespace Bascule.Jobs.Cli;

/// <summary>
/// What <c>bascule mapping validate</c> found: the version's identity (null when it did not even load), every
/// finding, and with <c>--export</c> the coverage of that export and how many damaged lines Extract rejected.
/// </summary>
public sealed record MappingValidation(
    string Directory,
    MappingIdentity? Identity,
    IReadOnlyList<MappingFinding> Findings,
    string? ExportFolder,
    CoverageReport? Coverage,
    long RejectedLines)
{
    public bool IsValid => !Findings.Any(f => f.IsError);

    public int Count(FindingSeverity severity) => Findings.Count(f => f.Severity == severity);
}
