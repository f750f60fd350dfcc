using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>One piece of evidence for a candidate target: what it is, the points it gives, and a sentence a reviewer can check.</summary>
public sealed record Reason(ReasonKind Kind, decimal Points, string Text)
{
    public override string ToString() => Invariant($"{Text} (+{Points:0.00})");
}
