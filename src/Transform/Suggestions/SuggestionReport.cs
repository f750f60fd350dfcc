using Bascule.Extract.Values;

namespace Bascule.Transform.Suggestions;

/// <summary>Every uncovered combination of one export with its draft rule, and what they add up to.</summary>
public sealed record SuggestionReport(EntityType EntityType, FiscalYear Year, IReadOnlyList<Suggestion> Suggestions)
{
    public int Combinations => Suggestions.Count;

    public long Lines => Suggestions.Sum(s => s.Combination.Lines);

    public Amount Debit => Suggestions.Aggregate(Amount.Zero, (sum, s) => sum + s.Combination.Debit);

    public Amount Credit => Suggestions.Aggregate(Amount.Zero, (sum, s) => sum + s.Combination.Credit);
}
