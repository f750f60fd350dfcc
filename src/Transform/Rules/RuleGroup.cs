using Bascule.Extract.Values;

namespace Bascule.Transform.Rules;

/// <summary>
/// A logical rule: one rule, or the parts of a split sharing a base id, in file order. Matching uses the first
/// part's source side (validation checks that every part agrees on it).
/// </summary>
public sealed class RuleGroup
{
    public RuleGroup(string baseId, IReadOnlyList<Rule> parts)
    {
        BaseId = baseId;
        Parts = parts;
        Specificity = parts[0].Specificity;
    }

    public string BaseId { get; }

    public IReadOnlyList<Rule> Parts { get; }

    public Rule First => Parts[0];

    public Specificity Specificity { get; }

    public bool IsSplit => Parts.Count > 1;

    /// <summary>Whether the rule applies to a line of this entity type, year, account and article.</summary>
    public bool Matches(EntityType entityType, int year, YearRange manifestYears, string account, BudgetArticle? article) =>
        (First.EntityType is null || First.EntityType == entityType)
        && (First.Years ?? manifestYears).Contains(year)
        && First.Account.Matches(account)
        && (First.Article is null || First.Article.Matches(article));

    /// <summary>Whether some line can match both rules (entity type, years, account and article all overlap).</summary>
    public bool Overlaps(RuleGroup other, YearRange manifestYears) =>
        (First.EntityType is null || other.First.EntityType is null || First.EntityType == other.First.EntityType)
        && (First.Years ?? manifestYears).Overlaps(other.First.Years ?? manifestYears)
        && First.Account.Overlaps(other.First.Account)
        && (First.Article is null || other.First.Article is null || First.Article.Overlaps(other.First.Article));

    public override string ToString() => BaseId;
}
