namespace Bascule.Transform.Rules;

/// <summary>The shapes a rule's <c>SOURCE_ACCOUNT</c> can take.</summary>
public enum AccountPatternKind
{
    Any,
    Range,
    Prefix,
    Exact,
}
