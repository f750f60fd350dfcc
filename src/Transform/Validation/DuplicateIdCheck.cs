namespace Bascule.Transform.Validation;

/// <summary>Rule ids are unique in the file: findings and runs name rules by id.</summary>
internal static class DuplicateIdCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in version.Rules)
        {
            if (!first.TryAdd(rule.Id, rule.Line))
            {
                yield return new MappingFinding(FindingSeverity.Error, "DUPLICATE_RULE_ID", rule.Id, version.RulesPath, rule.Line,
                    $"rule id {rule.Id} is already used on line {first[rule.Id]}; give this rule its own id.");
            }
        }
    }
}
