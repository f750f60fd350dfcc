using System.Globalization;

namespace Bascule.Extract.Values;

/// <summary>Dates as the legacy export writes them: <c>dd/MM/yyyy</c> by default, or a profile's own pattern.</summary>
public static class LegacyDate
{
    public const string DefaultFormat = "dd/MM/yyyy";

    public static bool TryParse(ReadOnlySpan<char> text, string format, out DateOnly date)
    {
        text = text.Trim();
        if (format == DefaultFormat)
        {
            return TryParseDefault(text, out date);
        }

        return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date) => TryParse(text, DefaultFormat, out date);

    public static DateOnly Parse(string text, string format = DefaultFormat) =>
        TryParse(text, format, out var date) ? date : throw new FormatException($"'{text}' is not a date {format}.");

    public static string Format(DateOnly date, string format = DefaultFormat) => date.ToString(format, CultureInfo.InvariantCulture);

    // The ledger holds millions of dates: a hand-written dd/MM/yyyy path avoids the general pattern engine.
    private static bool TryParseDefault(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[2] != '/' || text[5] != '/')
        {
            return false;
        }

        if (!TryDigits(text[..2], out var day) || !TryDigits(text[3..5], out var month) || !TryDigits(text[6..], out var year))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
