using Bascule.Reconcile.Staging;
using Bascule.Transform.Rules;

namespace Bascule.Reconcile.Mappings;

/// <summary>A rule that staged lines in the run, with its line in the mapping (null when the mapping's rules are not at hand).</summary>
public sealed record RuleUse(string RuleId, Rule? Rule, RuleTotal Total);

/// <summary>
/// The rules of a mapping version against what they staged in a run: the rules used, in the order of the rules file, and
/// the rules that staged no line, listed apart. Without the version's rules (its folder missing or altered), every total
/// is listed by rule id and nothing can be said of the rules never used.
/// </summary>
public sealed record RuleUses(IReadOnlyList<RuleUse> Used, IReadOnlyList<Rule> NeverUsed)
{
    public static RuleUses Of(IReadOnlyList<Rule>? rules, IReadOnlyList<RuleTotal> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var byId = totals.ToDictionary(t => t.RuleId, StringComparer.Ordinal);
        if (rules is null)
        {
            return new RuleUses([.. totals.Select(t => new RuleUse(t.RuleId, null, t))], []);
        }

        var known = rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var used = rules.Where(r => byId.ContainsKey(r.Id)).Select(r => new RuleUse(r.Id, r, byId[r.Id]))
            // A rule id the version does not have cannot come from a version whose hash matched; shown all the same, never hidden.
            .Concat(totals.Where(t => !known.Contains(t.RuleId)).Select(t => new RuleUse(t.RuleId, null, t)))
            .ToList();
        return new RuleUses(used, [.. rules.Where(r => !byId.ContainsKey(r.Id))]);
    }
}
