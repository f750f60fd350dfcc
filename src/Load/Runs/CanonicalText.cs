using System.Globalization;
using System.Text;
using Bascule.Extract.Values;

namespace Bascule.Load.Runs;

/// <summary>
/// How a value is written in the fingerprint's canonical text, shared by the fingerprint read back from the database and
/// the one computed while loading, so both always write the same text: invariant whole numbers, amounts with two
/// decimals, ISO dates, length-prefixed text, <c>~</c> for NULL. Written into the builder without intermediate strings.
/// </summary>
internal static class CanonicalText
{
    public static void Null(StringBuilder text) => text.Append('~');

    public static void Text(StringBuilder text, string? value)
    {
        if (value is null)
        {
            Null(text);
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"{value.Length}:").Append(value);
    }

    public static void Whole(StringBuilder text, long value) => text.Append(CultureInfo.InvariantCulture, $"{value}");

    /// <summary>From whole cents: <c>-12.50</c>, <c>0.05</c>, and never a negative zero.</summary>
    public static void Amount(StringBuilder text, Amount value)
    {
        var cents = value.Cents;
        if (cents < 0)
        {
            text.Append('-');
        }

        var magnitude = cents == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(cents);
        text.Append(CultureInfo.InvariantCulture, $"{magnitude / 100}.{magnitude % 100:00}");
    }

    public static void Day(StringBuilder text, DateOnly? value)
    {
        if (value is { } day)
        {
            text.Append(CultureInfo.InvariantCulture, $"{day:yyyy-MM-dd}");
        }
        else
        {
            Null(text);
        }
    }
}
