using System.Globalization;

namespace Bascule.Extract.Values;

/// <summary>A fiscal year ("exercice"): a calendar year in a plausible range.</summary>
public readonly record struct FiscalYear
{
    public FiscalYear(int value)
    {
        if (value is < 1990 or > 2100)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A fiscal year lies between 1990 and 2100.");
        }

        Value = value;
    }

    public int Value { get; }

    public static bool TryParse(ReadOnlySpan<char> text, out FiscalYear year)
    {
        year = default;
        text = text.Trim();
        if (text.Length != 4 || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value is < 1990 or > 2100)
        {
            return false;
        }

        year = new FiscalYear(value);
        return true;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
