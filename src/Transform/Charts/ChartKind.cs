namespace Bascule.Transform.Charts;

/// <summary>What a target chart line defines (column <c>KIND</c>).</summary>
public enum ChartKind
{
    Account,
    Economic,
    Function,
}
