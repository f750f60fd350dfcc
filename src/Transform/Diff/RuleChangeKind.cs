namespace Bascule.Transform.Diff;

public enum RuleChangeKind
{
    Added,
    Removed,
    Changed,
}
