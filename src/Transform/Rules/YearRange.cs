using System.Globalization;

namespace Bascule.Transform.Rules;

/// <summary>Source fiscal years a manifest or rule applies to: <c>2019-2023</c> or a single <c>2022</c>, bounds included.</summary>
public readonly record struct YearRange(int First, int Last)
{
    public bool Contains(int year) => year >= First && year <= Last;

    public bool Overlaps(YearRange other) => First <= other.Last && other.First <= Last;

    public bool Covers(YearRange other) => First <= other.First && other.Last <= Last;

    public static bool TryParse(string text, out YearRange range)
    {
        range = default;
        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 2 || !TryYear(parts[0], out var first))
        {
            return false;
        }

        var last = first;
        if (parts.Length == 2 && !TryYear(parts[1], out last))
        {
            return false;
        }

        if (last < first)
        {
            return false;
        }

        range = new YearRange(first, last);
        return true;
    }

    public override string ToString() => First == Last
        ? First.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{First}-{Last}");

    private static bool TryYear(string text, out int year) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1990 and <= 2100;
}
