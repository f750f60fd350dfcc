using System.Globalization;

namespace Bascule.Extract.Values;

/// <summary>
/// A Belgian enterprise number (KBO/BCE), written <c>0123.456.789</c>: ten digits, the last two being
/// 97 minus the first eight modulo 97.
/// </summary>
public sealed record EnterpriseNumber
{
    private EnterpriseNumber(string digits) => Digits = digits;

    /// <summary>The ten digits without separators.</summary>
    public string Digits { get; }

    public static bool TryParse(ReadOnlySpan<char> text, out EnterpriseNumber? number)
    {
        number = null;
        text = text.Trim();
        Span<char> digits = stackalloc char[10];
        var length = 0;
        foreach (var c in text)
        {
            if (c is '.' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || length == digits.Length)
            {
                return false;
            }

            digits[length++] = c;
        }

        // Older numbers were written with nine digits: the leading zero is implied.
        if (length == 9)
        {
            digits[..9].CopyTo(digits[1..]);
            digits[0] = '0';
            length = 10;
        }

        if (length != 10 || digits[0] is not ('0' or '1'))
        {
            return false;
        }

        var body = int.Parse(digits[..8], NumberStyles.None, CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], NumberStyles.None, CultureInfo.InvariantCulture);
        if (97 - (body % 97) != check)
        {
            return false;
        }

        number = new EnterpriseNumber(digits.ToString());
        return true;
    }

    public static EnterpriseNumber Parse(string text) =>
        TryParse(text, out var number)
            ? number!
            : throw new FormatException($"'{text}' is not a Belgian enterprise number 0123.456.789 (wrong shape or check digits).");

    /// <summary>Builds a valid number from its first eight digits by computing the check digits.</summary>
    public static EnterpriseNumber Create(int body)
    {
        var check = 97 - (body % 97);
        return Parse(body.ToString("00000000", CultureInfo.InvariantCulture) + check.ToString("00", CultureInfo.InvariantCulture));
    }

    public override string ToString() => $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";
}
