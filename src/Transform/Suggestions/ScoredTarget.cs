namespace Bascule.Transform.Suggestions;

/// <summary>One target code (an account or an economic code) with its score, the sum of its reasons' points.</summary>
public sealed record ScoredTarget(string Code, decimal Score, IReadOnlyList<Reason> Reasons);
