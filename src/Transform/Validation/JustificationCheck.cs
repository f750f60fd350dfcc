namespace Bascule.Transform.Validation;

/// <summary>
/// Every rule says why it exists: auditors read the justification, and a draft rule (from <c>bascule mapping suggest</c>)
/// leaves it empty so that a person, not the tool, decides that the rule is right. An error, so a version holding an
/// unjustified rule can be neither used for a run nor approved.
/// </summary>
internal static class JustificationCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version) =>
        version.Rules
            .Where(rule => string.IsNullOrWhiteSpace(rule.Justification))
            .Select(rule => new MappingFinding(FindingSeverity.Error, "NO_JUSTIFICATION", rule.Id, version.RulesPath, rule.Line,
                $"rule {rule.Id} has an empty JUSTIFICATION; write why this rule exists before the version can be used."));
}
