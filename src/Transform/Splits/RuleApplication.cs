using Bascule.Extract.Records;
using Bascule.Transform.Mapping;
using Bascule.Transform.Rules;

namespace Bascule.Transform.Splits;

/// <summary>Turns a source line into the target lines of the rule that won it, one per split part.</summary>
public static class RuleApplication
{
    public static IReadOnlyList<TargetLine> Apply(RuleGroup group, LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(line);
        var parts = group.Parts;
        if (parts.Count == 1)
        {
            return [Target(parts[0], 1, line, line.Debit, line.Credit)];
        }

        var shares = parts.Select(p => p.Share).ToArray();
        var debits = SplitAllocator.Split(line.Debit, shares);
        var credits = SplitAllocator.Split(line.Credit, shares);
        var targets = new TargetLine[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            targets[i] = Target(parts[i], i + 1, line, debits[i], credits[i]);
        }

        return targets;
    }

    // Economic code and kept function come from the article, so a line without one has neither.
    private static TargetLine Target(Rule rule, int part, LedgerLine line, Extract.Values.Amount debit, Extract.Values.Amount credit) =>
        new(line, rule.Id, part, rule.TargetAccount,
            line.Article is null ? null : rule.TargetEconomic,
            rule.KeepsSourceFunction ? line.Article?.Function : rule.TargetFunction,
            debit, credit);
}
