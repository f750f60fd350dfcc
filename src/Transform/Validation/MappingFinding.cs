namespace Bascule.Transform.Validation;

/// <summary>
/// One result of an auditor check: <paramref name="Check"/> is a stable code (<c>AMBIGUOUS</c>, <c>UNKNOWN_TARGET</c>…),
/// <paramref name="RuleId"/> the mapping rule concerned (null when the finding is about the manifest or an export),
/// and <paramref name="File"/>/<paramref name="Line"/> where to look.
/// </summary>
public sealed record MappingFinding(FindingSeverity Severity, string Check, string? RuleId, string File, int Line, string Message)
{
    public bool IsError => Severity == FindingSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}: {Severity.ToString().ToLowerInvariant()} {Check}{(RuleId is null ? "" : $" [{RuleId}]")}: {Message}";
}
