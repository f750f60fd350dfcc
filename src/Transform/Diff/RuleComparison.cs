using Bascule.Transform.Rules;

namespace Bascule.Transform.Diff;

/// <summary>Rules added, removed and changed between two versions, matched by rule id.</summary>
public static class RuleComparison
{
    public static IReadOnlyList<RuleChange> Compare(MappingVersion oldVersion, MappingVersion newVersion)
    {
        ArgumentNullException.ThrowIfNull(oldVersion);
        ArgumentNullException.ThrowIfNull(newVersion);
        var old = ById(oldVersion.Rules);
        var @new = ById(newVersion.Rules);
        var changes = new List<RuleChange>();
        foreach (var (id, rule) in old)
        {
            if (!@new.TryGetValue(id, out var other))
            {
                changes.Add(new RuleChange(RuleChangeKind.Removed, id, rule, null, []));
            }
            else if (ChangedFields(rule, other) is { Count: > 0 } fields)
            {
                changes.Add(new RuleChange(RuleChangeKind.Changed, id, rule, other, fields));
            }
        }

        changes.AddRange(
            @new.Where(r => !old.ContainsKey(r.Key)).Select(r => new RuleChange(RuleChangeKind.Added, r.Key, null, r.Value, [])));
        return changes.OrderBy(c => c.RuleId, StringComparer.Ordinal).ToList();
    }

    private static Dictionary<string, Rule> ById(IEnumerable<Rule> rules)
    {
        var byId = new Dictionary<string, Rule>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            byId.TryAdd(rule.Id, rule);
        }

        return byId;
    }

    private static List<string> ChangedFields(Rule a, Rule b)
    {
        var fields = new List<string>();
        Compare(fields, "ENTITY_TYPE", a.EntityType?.ToString(), b.EntityType?.ToString());
        Compare(fields, "YEARS", a.Years?.ToString(), b.Years?.ToString());
        Compare(fields, "SOURCE_ACCOUNT", a.Account.Text, b.Account.Text);
        Compare(fields, "SOURCE_ARTICLE", a.Article?.ToString(), b.Article?.ToString());
        Compare(fields, "TARGET_ACCOUNT", a.TargetAccount, b.TargetAccount);
        Compare(fields, "TARGET_ECONOMIC", a.TargetEconomic, b.TargetEconomic);
        Compare(fields, "TARGET_FUNCTION", a.TargetFunction, b.TargetFunction);
        Compare(
            fields,
            "SHARE",
            a.Share.ToString(System.Globalization.CultureInfo.InvariantCulture),
            b.Share.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Compare(fields, "JUSTIFICATION", a.Justification, b.Justification);
        return fields;
    }

    private static void Compare(List<string> fields, string name, string? a, string? b)
    {
        if (!string.Equals(a, b, StringComparison.Ordinal))
        {
            fields.Add(name);
        }
    }
}
