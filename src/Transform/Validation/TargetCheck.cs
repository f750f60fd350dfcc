using Bascule.Transform.Charts;
using Bascule.Transform.Rules;

namespace Bascule.Transform.Validation;

/// <summary>Every target of every rule exists and is active in the chart the manifest names.</summary>
internal static class TargetCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        foreach (var rule in version.Rules)
        {
            foreach (var finding in Check(version, rule, ChartKind.Account, rule.TargetAccount))
            {
                yield return finding;
            }

            if (rule.TargetEconomic is { } economic)
            {
                foreach (var finding in Check(version, rule, ChartKind.Economic, economic))
                {
                    yield return finding;
                }
            }
            else if (rule.Article is not null)
            {
                yield return new MappingFinding(FindingSeverity.Error, "MISSING_ECONOMIC", rule.Id, version.RulesPath, rule.Line,
                    $"rule {rule.Id} only matches lines with an article ({rule.Article}) but has no TARGET_ECONOMIC; give the new "
                        + $"economic code.");
            }

            // A rule that keeps the function of an exact article function already knows which function it will write.
            if ((rule.TargetFunction ?? rule.Article?.Function) is { } function)
            {
                foreach (var finding in Check(version, rule, ChartKind.Function, function))
                {
                    yield return finding;
                }
            }
        }
    }

    private static IEnumerable<MappingFinding> Check(MappingVersion version, Rule rule, ChartKind kind, string code)
    {
        var entry = version.Chart.Find(kind, code);
        if (entry is null)
        {
            yield return new MappingFinding(FindingSeverity.Error, "UNKNOWN_TARGET", rule.Id, version.RulesPath, rule.Line,
                $"rule {rule.Id}: {kind.ToString().ToLowerInvariant()} '{code}' is not in the chart {version.Chart.File}; use a code of "
                    + $"the chart or add it there.");
        }
        else if (!entry.Active)
        {
            yield return new MappingFinding(FindingSeverity.Error, "INACTIVE_TARGET", rule.Id, version.RulesPath, rule.Line,
                $"rule {rule.Id}: {kind.ToString().ToLowerInvariant()} '{code}' is inactive in the chart ({version.Chart.File} line "
                    + $"{entry.Line}); map to an active code.");
        }
    }
}
