using Bascule.Transform.Rules;

namespace Bascule.Transform.Resolution;

/// <summary>
/// Finds the most specific rule for a key, exactly as the spec orders them, and remembers the answer per key:
/// an export has millions of lines but only thousands of distinct (account, article) pairs.
/// Not thread-safe: one resolver per stream of lines.
/// </summary>
public sealed class RuleResolver
{
    private readonly RuleIndex _index;
    private readonly YearRange _manifestYears;
    private readonly Dictionary<ResolutionKey, Resolution> _cache = [];

    public RuleResolver(IEnumerable<RuleGroup> groups, YearRange manifestYears)
    {
        _index = new RuleIndex(groups);
        _manifestYears = manifestYears;
    }

    public Resolution Resolve(ResolutionKey key)
    {
        if (!_cache.TryGetValue(key, out var resolution))
        {
            resolution = Compute(key);
            _cache.Add(key, resolution);
        }

        return resolution;
    }

    private Resolution Compute(ResolutionKey key)
    {
        List<RuleGroup>? best = null;
        foreach (var group in _index.Candidates(key.Account))
        {
            if (!group.Matches(key.EntityType, key.Year, _manifestYears, key.Account, key.Article))
            {
                continue;
            }

            if (best is null || group.Specificity > best[0].Specificity)
            {
                best = [group];
            }
            else if (group.Specificity == best[0].Specificity)
            {
                best.Add(group);
            }
        }

        return best switch
        {
            null => Resolution.Unmapped,
            [var only] => new Resolution(only, [only]),
            _ => new Resolution(null, best),
        };
    }
}
