using System.Text.RegularExpressions;

namespace Bascule.TestSupport.Samples;

/// <summary>The mod-97 rules of Belgian enterprise numbers and IBANs, restated for the tests.</summary>
public static partial class IndependentCheckDigits
{
    public static bool IsEnterpriseNumber(string text)
    {
        if (!EnterpriseNumberShape().IsMatch(text))
        {
            return false;
        }

        var digits = text.Replace(".", "", StringComparison.Ordinal);
        var body = long.Parse(digits[..8], System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(digits[8..], System.Globalization.CultureInfo.InvariantCulture);
        return check == 97 - (body % 97);
    }

    public static bool IsBelgianIban(string text)
    {
        if (!BelgianIbanShape().IsMatch(text))
        {
            return false;
        }

        // National check: the first ten digits of the account modulo 97, written 97 when that is 0.
        var account = text[4..];
        var national = long.Parse(account[..10], System.Globalization.CultureInfo.InvariantCulture) % 97;
        if (int.Parse(account[10..], System.Globalization.CultureInfo.InvariantCulture) != (national == 0 ? 97 : national))
        {
            return false;
        }

        // ISO 13616: move the first four characters to the end, letters to numbers (A = 10), the whole mod 97 is 1.
        var rearranged = text[4..] + text[..4];
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder == 1;
    }

    [GeneratedRegex(@"^[01]\d{3}\.\d{3}\.\d{3}$")]
    private static partial Regex EnterpriseNumberShape();

    [GeneratedRegex(@"^BE\d{14}$")]
    private static partial Regex BelgianIbanShape();
}
