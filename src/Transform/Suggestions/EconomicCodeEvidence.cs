using Bascule.Transform.Charts;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// The same economic code: the rules written for the same legacy economic code (an article pattern <c>*/124-*</c> or
/// <c>871/124-48</c>, on any account) vote for their <c>TARGET_ECONOMIC</c>, each with one plus the lines it carries
/// in this export.
/// </summary>
internal static class EconomicCodeEvidence
{
    public static void Add(ScoreSheet economics, string economic, MappingVersion version, ExportRules rules, decimal weight)
    {
        var same = rules.Applicable.Where(g => g.First.Article?.Economic == economic).ToList();
        decimal total = same.Sum(g => 1 + rules.Of(g));
        foreach (var target in same.SelectMany(g => g.Parts).Select(p => p.TargetEconomic).OfType<string>()
            .Distinct(StringComparer.Ordinal))
        {
            if (version.Chart.Find(ChartKind.Economic, target) is not { Active: true })
            {
                continue;
            }

            var voters = same.Where(g => g.Parts.Any(p => p.TargetEconomic == target)).ToList();
            var votes = voters.Sum(g => (1 + rules.Of(g)) * g.Parts.Where(p => p.TargetEconomic == target).Sum(p => p.Share) / 100m);
            var share = votes / total;
            economics.Add(target, new Reason(ReasonKind.EconomicCode, Math.Round(weight * share, 2),
                Invariant($"same economic code {economic}: {SiblingEvidence.Ids(voters)} map it and carry {voters.Sum(rules.Of)} lines ")
                    + Invariant($"here ({share:0%} of the votes)")));
        }
    }
}
