namespace Bascule.Transform.Validation;

/// <summary>
/// Runs every check of the spec's "What auditors run" list that needs no export: targets exist and are active,
/// every rule is justified, rule ids are unique, splits sum to 100, no two rules can tie, rules stay within the manifest's scope, and the
/// approval hash still matches. Syntax is checked when loading.
/// </summary>
public static class MappingValidator
{
    public static IReadOnlyList<MappingFinding> Run(MappingVersion version) =>
        TargetCheck.Run(version)
            .Concat(JustificationCheck.Run(version))
            .Concat(DuplicateIdCheck.Run(version))
            .Concat(SplitCheck.Run(version))
            .Concat(AmbiguityCheck.Run(version))
            .Concat(ScopeCheck.Run(version))
            .Concat(ApprovalCheck.Run(version))
            .OrderBy(f => f.Severity)
            .ThenBy(f => f.File, StringComparer.Ordinal)
            .ThenBy(f => f.Line)
            .ToList();
}
