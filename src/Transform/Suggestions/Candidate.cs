using Bascule.Transform.Rules;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// One candidate target for an uncovered combination: an account and, for lines with an article, an economic code,
/// each with its evidence, whether the two agree (<see cref="CoherenceEvidence"/>), and the function: null keeps the
/// source line's (<c>=</c>), as the existing rules do. The score is the sum of the three.
/// </summary>
public sealed record Candidate(ScoredTarget Account, ScoredTarget? Economic, Reason? Coherence = null, string? TargetFunction = null)
{
    public decimal Score => Account.Score + (Economic?.Score ?? 0m) + (Coherence?.Points ?? 0m);

    public string TargetAccount => Account.Code;

    public string? TargetEconomic => Economic?.Code;

    public string TargetText => $"{TargetAccount} / {TargetEconomic ?? "-"} / {TargetFunction ?? Rule.KeepFunction}";
}
