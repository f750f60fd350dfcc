namespace Bascule.Extract.Values;

/// <summary>How a delivery writes amounts. The legacy default is <c>1.234,56</c> with an optional trailing minus.</summary>
public sealed record AmountNotation(char DecimalSeparator, char? GroupSeparator, bool AllowTrailingMinus)
{
    public static readonly AmountNotation Legacy = new(',', '.', AllowTrailingMinus: true);

    public static readonly AmountNotation Invariant = new('.', null, AllowTrailingMinus: false);

    public override string ToString() =>
        $"decimal '{DecimalSeparator}'" + (GroupSeparator is { } g ? $", grouping '{g}'" : "") + (AllowTrailingMinus
            ? ", trailing minus allowed"
            : "");
}
