using Bascule.Extract.Values;

namespace Bascule.Transform.Suggestions;

/// <summary>One legacy account/article combination, the unit a rule is drafted for (a null article: lines without one).</summary>
public readonly record struct CombinationKey(string Account, BudgetArticle? Article);
