using Bascule.Extract.Values;
using Bascule.Transform.Rules;
using Bascule.Transform.Validation;

namespace Bascule.Transform.Coverage;

/// <summary>
/// A version checked against one export: which account/article combinations no rule covers (with line count and
/// amount), which rules no line used, and the amounts that would stay unmapped. <see cref="Findings"/> holds the
/// same as findings for reports; <see cref="IsComplete"/> is the "full coverage" an auditor signs.
/// </summary>
public sealed record CoverageReport(
    EntityType EntityType,
    FiscalYear Year,
    long Lines,
    long Combinations,
    long MappedLines,
    Amount MappedDebit,
    Amount MappedCredit,
    Amount UnmappedDebit,
    Amount UnmappedCredit,
    IReadOnlyList<CombinationStats> Uncovered,
    IReadOnlyList<RuleGroup> UnusedRules,
    IReadOnlyList<MappingFinding> Findings)
{
    public long UnmappedLines => Lines - MappedLines;

    public bool IsComplete => Uncovered.Count == 0 && !Findings.Any(f => f.IsError);
}
