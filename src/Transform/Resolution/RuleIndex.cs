using Bascule.Transform.Rules;

namespace Bascule.Transform.Resolution;

/// <summary>
/// The rules indexed by their account pattern, so that a line only looks at the rules its account can match:
/// a dictionary of exact accounts, one dictionary per prefix length, the ranges sorted by lower bound, and the
/// <c>*</c> rules. Thousands of rules cost a handful of lookups per distinct key, never a scan.
/// </summary>
internal sealed class RuleIndex
{
    private readonly Dictionary<string, List<RuleGroup>> _exact = new(StringComparer.Ordinal);
    private readonly SortedDictionary<int, Dictionary<string, List<RuleGroup>>> _prefixes = [];
    private readonly List<RuleGroup> _ranges = [];
    private readonly List<RuleGroup> _any = [];

    public RuleIndex(IEnumerable<RuleGroup> groups)
    {
        foreach (var group in groups)
        {
            var pattern = group.First.Account;
            switch (pattern.Kind)
            {
                case AccountPatternKind.Exact:
                    Add(_exact, pattern.Low, group);
                    break;
                case AccountPatternKind.Prefix:
                    if (!_prefixes.TryGetValue(pattern.Low.Length, out var byPrefix))
                    {
                        byPrefix = new Dictionary<string, List<RuleGroup>>(StringComparer.Ordinal);
                        _prefixes.Add(pattern.Low.Length, byPrefix);
                    }

                    Add(byPrefix, pattern.Low, group);
                    break;
                case AccountPatternKind.Range:
                    _ranges.Add(group);
                    break;
                default:
                    _any.Add(group);
                    break;
            }
        }

        _ranges.Sort((a, b) => string.CompareOrdinal(a.First.Account.Low, b.First.Account.Low));
    }

    /// <summary>Every rule whose account pattern matches the account; the caller filters the rest.</summary>
    public IEnumerable<RuleGroup> Candidates(string account)
    {
        if (_exact.TryGetValue(account, out var exact))
        {
            foreach (var group in exact)
            {
                yield return group;
            }
        }

        foreach (var (length, byPrefix) in _prefixes)
        {
            if (length <= account.Length && byPrefix.TryGetValue(account[..length], out var prefixed))
            {
                foreach (var group in prefixed)
                {
                    yield return group;
                }
            }
        }

        foreach (var group in _ranges)
        {
            if (group.First.Account.Matches(account))
            {
                yield return group;
            }
        }

        foreach (var group in _any)
        {
            yield return group;
        }
    }

    private static void Add(Dictionary<string, List<RuleGroup>> map, string key, RuleGroup group)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map.Add(key, list);
        }

        list.Add(group);
    }
}
