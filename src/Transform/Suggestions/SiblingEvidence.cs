using Bascule.Transform.Charts;
using Bascule.Transform.Rules;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Mapped siblings: the rules whose accounts share the longest prefix with the legacy account (all of it when a rule
/// already covers this account for other articles) vote for their target accounts. A rule's vote is one plus the
/// lines it carries in this export, split by share for a split; the points scale with the prefix length, so a rule
/// on the same account counts fully and a rule of the same class (one digit) counts for a seventh.
/// </summary>
internal static class SiblingEvidence
{
    public static void Add(ScoreSheet accounts, string account, MappingVersion version, ExportRules rules, decimal weight)
    {
        var kin = rules.Applicable
            .Select(group => (Group: group, Shared: Shared(account, group.First.Account)))
            .Where(k => k.Shared > 0)
            .ToList();
        if (kin.Count == 0)
        {
            return;
        }

        var longest = kin.Max(k => k.Shared);
        var siblings = kin.Where(k => k.Shared == longest).Select(k => k.Group).ToList();
        decimal total = siblings.Sum(g => 1 + rules.Of(g));
        var scope = longest >= AccountPattern.Width ? $"cover {account} itself" : $"cover accounts starting {account[..longest]}";
        foreach (var target in siblings.SelectMany(g => g.Parts).Select(p => p.TargetAccount).Distinct(StringComparer.Ordinal))
        {
            if (version.Chart.Find(ChartKind.Account, target) is not { Active: true })
            {
                continue;
            }

            var voters = siblings.Where(g => g.Parts.Any(p => p.TargetAccount == target)).ToList();
            var votes = voters.Sum(g => (1 + rules.Of(g)) * g.Parts.Where(p => p.TargetAccount == target).Sum(p => p.Share) / 100m);
            var share = votes / total;
            var points = Math.Round(weight * longest / AccountPattern.Width * share, 2);
            accounts.Add(target, new Reason(ReasonKind.Sibling, points,
                Invariant($"mapped siblings {Ids(voters)} {scope} and carry {voters.Sum(rules.Of)} lines here ({share:0%} of the ")
                    + Invariant($"siblings' weight)")));
        }
    }

    /// <summary>How many leading digits the accounts a rule covers share with the legacy account; 7 when the rule covers it.</summary>
    private static int Shared(string account, AccountPattern pattern) => pattern.Kind switch
    {
        AccountPatternKind.Any => 0,
        _ when pattern.Matches(account) => AccountPattern.Width,
        AccountPatternKind.Range => Math.Max(CommonPrefix.Length(account, pattern.Low), CommonPrefix.Length(account, pattern.High)),
        _ => CommonPrefix.Length(account, pattern.Low),
    };

    internal static string Ids(IReadOnlyList<RuleGroup> groups) =>
        string.Join(", ", groups.Take(4).Select(g => g.BaseId)) + (groups.Count > 4 ? Invariant($" and {groups.Count - 4} more") : "");
}
