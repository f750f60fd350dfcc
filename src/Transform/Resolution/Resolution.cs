using Bascule.Transform.Rules;

namespace Bascule.Transform.Resolution;

/// <summary>
/// The outcome of resolving one key: the winning rule, or no rule (unmapped), or several rules tied at the highest
/// specificity (an ambiguity: an error of the mapping, never settled by file order).
/// </summary>
public sealed record Resolution(RuleGroup? Winner, IReadOnlyList<RuleGroup> Tied)
{
    public static readonly Resolution Unmapped = new(null, []);

    public bool IsAmbiguous => Tied.Count > 1;
}
