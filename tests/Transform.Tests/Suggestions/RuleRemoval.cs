using Bascule.Extract.Values;
using Bascule.Transform.Resolution;
using Bascule.Transform.Rules;
using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>
/// The measure of the suggestions: in a copy of the shipped mapping, remove one rule the samples use, suggest rules
/// for what the samples then leave uncovered, and check whether the removed rule's target comes first for each
/// combination it covered. The removed rule's target is its account and economic code, and its function as written
/// (<c>=</c>) or as the lines would get it; for a split, the part with the largest share (a draft proposes one target).
/// A rule whose combinations fall to another rule once it is gone cannot be measured and is left out.
/// </summary>
internal sealed class RuleRemoval : IDisposable
{
    private readonly ShippedMappingCopy _copy = new();
    private readonly string[] _rulesLines;

    public RuleRemoval()
    {
        _rulesLines = File.ReadAllLines(RulesPath);
    }

    private string VersionPath => _copy.Version;

    private string RulesPath => _copy.Rules;

    public async Task<IReadOnlyList<RemovalOutcome>> MeasureAsync(IReadOnlyList<SampleEvidence> samples, SuggestionWeights? weights = null)
    {
        File.WriteAllLines(RulesPath, _rulesLines);
        var shipped = MappingVersion.Load(VersionPath);
        var used = samples.Select(s => (Sample: s, Covered: CoveredBy(shipped, s.Evidence))).ToList();
        var outcomes = new List<RemovalOutcome>();
        foreach (var group in shipped.Groups.Where(g => used.Any(u => u.Covered.ContainsKey(g.BaseId))))
        {
            var removed = group.Parts.Select(p => p.Line).ToHashSet();
            File.WriteAllLines(RulesPath, _rulesLines.Where((_, i) => !removed.Contains(i + 1)));
            var version = MappingVersion.Load(VersionPath);
            var checks = new List<CombinationCheck>();
            foreach (var (sample, covered) in used.Where(u => u.Covered.ContainsKey(group.BaseId)))
            {
                var report = await sample.SuggestAsync(version, weights);
                foreach (var key in covered[group.BaseId])
                {
                    var suggestion = report.Suggestions
                        .SingleOrDefault(s => s.Combination.Account == key.Account && Equals(s.Combination.Article, key.Article));
                    checks.Add(new CombinationCheck(
                        sample.Name,
                        key,
                        suggestion?.Best,
                        suggestion is null ? null : IsTarget(group, key, suggestion.Best)));
                }
            }

            outcomes.Add(new RemovalOutcome(group, Expected(group).TargetText, checks));
        }

        File.WriteAllLines(RulesPath, _rulesLines);
        return outcomes;
    }

    public void Dispose() => _copy.Dispose();

    // Which combinations of the sample each rule carries in the shipped version, resolved as a run resolves them.
    private static Dictionary<string, List<CombinationKey>> CoveredBy(MappingVersion version, ExportEvidence evidence)
    {
        var resolver = version.CreateResolver();
        var covered = new Dictionary<string, List<CombinationKey>>(StringComparer.Ordinal);
        foreach (var key in evidence.Lines.Keys.OrderBy(k => k.Account, StringComparer.Ordinal)
            .ThenBy(k => k.Article?.ToString(), StringComparer.Ordinal))
        {
            if (resolver.Resolve(new ResolutionKey(key.Account, key.Article, evidence.EntityType, evidence.Year.Value))
                .Winner is { } winner)
            {
                if (!covered.TryGetValue(winner.BaseId, out var keys))
                {
                    keys = [];
                    covered.Add(winner.BaseId, keys);
                }

                keys.Add(key);
            }
        }

        return covered;
    }

    private static Rule Expected(RuleGroup group) => group.Parts.OrderByDescending(p => p.Share).First();

    private static bool IsTarget(RuleGroup group, CombinationKey key, Candidate? best)
    {
        var expected = Expected(group);
        return best is not null
            && best.TargetAccount == expected.TargetAccount
            && best.TargetEconomic == expected.TargetEconomic
            && Function(best.TargetFunction, key.Article) == Function(expected.TargetFunction, key.Article);
    }

    // The function the lines would get: "=" keeps the article's (none without an article).
    private static string? Function(string? target, BudgetArticle? article) => target ?? article?.Function;
}

/// <summary>One combination a removed rule covered: the best candidate once the rule is gone, and whether it is the rule's target (null:
/// another rule covers it now).</summary>
internal sealed record CombinationCheck(string Sample, CombinationKey Key, Candidate? Best, bool? Hit);

/// <summary>One removed rule and how the suggestions did on the combinations it covered.</summary>
internal sealed record RemovalOutcome(RuleGroup Group, string Expected, IReadOnlyList<CombinationCheck> Checks)
{
    /// <summary>Measurable when at least one of its combinations became uncovered.</summary>
    public bool Measured => Checks.Any(c => c.Hit is not null);

    /// <summary>Ranked first for every combination that became uncovered.</summary>
    public bool RankedFirst => Measured && Checks.All(c => c.Hit is null or true);
}
