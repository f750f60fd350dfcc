using System.Globalization;

namespace Bascule.Extract.Values;

/// <summary>
/// A euro amount in whole cents: at most two decimal places. Money is never floating point. Built only through its
/// factories, which refuse a third decimal (as NodaTime's <c>Offset.FromMilliseconds</c> refuses an offset out of range).
/// </summary>
public readonly record struct Amount : IComparable<Amount>
{
    public static readonly Amount Zero = new(0m);

    // The decimal is kept as given (12.5 stays 12.5): reports that print a raw decimal print what they always printed.
    private Amount(decimal value) => Value = value;

    public decimal Value { get; }

    /// <summary>An amount of euros; throws when <paramref name="euros"/> is not a whole number of cents.</summary>
    public static Amount FromEuros(decimal euros) =>
        TryFromEuros(euros, out var amount)
            ? amount
            : throw new ArgumentOutOfRangeException(nameof(euros), euros, "An amount is a whole number of cents: at most two decimals.");

    public static bool TryFromEuros(decimal euros, out Amount amount)
    {
        // Round leaves a value of scale 0, 1 or 2 untouched; it only drops trailing zeros beyond the second decimal.
        var cents = decimal.Round(euros, 2);
        amount = cents == euros ? new Amount(cents) : Zero;
        return cents == euros;
    }

    // Built from its parts with scale 2: exact, and much cheaper than a decimal division on millions of lines.
    public static Amount FromCents(long cents)
    {
        var magnitude = cents == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(cents);
        return new(new decimal(unchecked((int)(uint)magnitude), unchecked((int)(uint)(magnitude >> 32)), 0, cents < 0, 2));
    }

    public long Cents => decimal.ToInt64(Value * 100m);

    public bool IsNegative => Value < 0m;

    public static Amount operator +(Amount a, Amount b) => new(a.Value + b.Value);

    public static Amount operator -(Amount a, Amount b) => new(a.Value - b.Value);

    public static Amount operator -(Amount a) => new(-a.Value);

    public static bool operator <(Amount a, Amount b) => a.Value < b.Value;

    public static bool operator >(Amount a, Amount b) => a.Value > b.Value;

    public static bool operator <=(Amount a, Amount b) => a.Value <= b.Value;

    public static bool operator >=(Amount a, Amount b) => a.Value >= b.Value;

    public int CompareTo(Amount other) => Value.CompareTo(other.Value);

    /// <summary>Parses an amount in the given notation; see <see cref="AmountNotation"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, AmountNotation notation, out Amount amount)
    {
        amount = Zero;
        text = text.Trim();
        if (text.IsEmpty)
        {
            return true;
        }

        var negative = false;
        if (text[0] == '-')
        {
            negative = true;
            text = text[1..];
        }
        else if (notation.AllowTrailingMinus && text[^1] == '-')
        {
            // A trailing minus is how some legacy exports write a negative amount (12,50-).
            negative = true;
            text = text[..^1];
        }

        if (text.IsEmpty || text[0] == '-' || text[^1] == '-')
        {
            return false;
        }

        var decimalAt = text.IndexOf(notation.DecimalSeparator);
        var integerPart = decimalAt < 0 ? text : text[..decimalAt];
        var fractionPart = decimalAt < 0 ? ReadOnlySpan<char>.Empty : text[(decimalAt + 1)..];
        if (decimalAt >= 0 && (fractionPart.IsEmpty || fractionPart.Length > 2))
        {
            return false;
        }

        if (!TryParseInteger(integerPart, notation.GroupSeparator, out var units))
        {
            return false;
        }

        long cents = 0;
        foreach (var c in fractionPart)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            cents = (cents * 10) + (c - '0');
        }

        if (fractionPart.Length == 1)
        {
            cents *= 10;
        }

        var total = (units * 100) + cents;
        amount = FromCents(negative ? -total : total);
        return true;
    }

    public static Amount Parse(string text, AmountNotation notation) =>
        TryParse(text, notation, out var amount)
            ? amount
            : throw new FormatException($"'{text}' is not an amount in the notation {notation}.");

    // Grouping is optional, but when present every group after the first has exactly three digits.
    private static bool TryParseInteger(ReadOnlySpan<char> text, char? group, out long units)
    {
        units = 0;
        if (text.IsEmpty || text.Length > 22)
        {
            return false;
        }

        var grouped = group is { } g && text.Contains(g);
        var digitsSinceGroup = 0;
        var digits = 0;
        var sawGroup = false;
        foreach (var c in text)
        {
            if (grouped && c == group)
            {
                if (digitsSinceGroup == 0 || (sawGroup && digitsSinceGroup != 3) || (!sawGroup && digitsSinceGroup > 3))
                {
                    return false;
                }

                sawGroup = true;
                digitsSinceGroup = 0;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            units = (units * 10) + (c - '0');
            digitsSinceGroup++;
            // Fifteen digits of euros is far beyond any public budget and keeps cents inside a long.
            if (++digits > 15)
            {
                return false;
            }
        }

        return !sawGroup || digitsSinceGroup == 3;
    }

    /// <summary>Writes the amount the way the legacy export does: <c>1.234,56</c>, <c>-12,50</c> or <c>12,50-</c>.</summary>
    public string ToLegacy(bool grouping = false, bool trailingMinus = false)
    {
        var abs = Math.Abs(Value).ToString(grouping ? "#,##0.00" : "0.00", LegacyNumberFormat);
        return Value >= 0m ? abs : trailingMinus ? abs + "-" : "-" + abs;
    }

    public override string ToString() => Format(Value);

    /// <summary>
    /// Euros as Bascule's data files and JSON write them: a decimal point, exactly two decimals, no grouping, <c>-</c> for
    /// negatives (<c>12.50</c>, <c>-0.01</c>, <c>3.00</c>). A computed decimal with more places is rounded to the cent (half
    /// to even) first.
    /// </summary>
    public static string Format(decimal euros) => decimal.Round(euros, 2).ToString("0.00", CultureInfo.InvariantCulture);

    private static readonly NumberFormatInfo LegacyNumberFormat = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
    };
}
