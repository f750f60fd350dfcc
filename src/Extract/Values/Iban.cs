namespace Bascule.Extract.Values;

/// <summary>An IBAN, checked with its mod-97 check digits; stored in the electronic form (no spaces, upper case).</summary>
public sealed record Iban
{
    private Iban(string value) => Value = value;

    public string Value { get; }

    public string CountryCode => Value[..2];

    public static bool TryParse(ReadOnlySpan<char> text, out Iban? iban)
    {
        iban = null;
        Span<char> compact = stackalloc char[34];
        var length = 0;
        foreach (var c in text)
        {
            if (c == ' ')
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || length == compact.Length)
            {
                return false;
            }

            compact[length++] = char.ToUpperInvariant(c);
        }

        var value = compact[..length];
        if (length < 15 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2])
            || !char.IsAsciiDigit(value[3]))
        {
            return false;
        }

        // ISO 13616: move the country code and check digits to the end, then the number mod 97 must be 1.
        Span<char> rearranged = stackalloc char[length];
        value[4..].CopyTo(rearranged);
        value[..4].CopyTo(rearranged[(length - 4)..]);
        if (Mod97.Remainder(rearranged) != 1)
        {
            return false;
        }

        iban = new Iban(value.ToString());
        return true;
    }

    public static Iban Parse(string text) =>
        TryParse(text, out var iban) ? iban! : throw new FormatException($"'{text}' is not a valid IBAN (wrong shape or check digits).");

    /// <summary>Builds a valid IBAN from a country and a national account number by computing its check digits.</summary>
    public static Iban Create(string countryCode, string bban)
    {
        var check = 98 - Mod97.Remainder(bban + countryCode + "00");
        return Parse(countryCode + check.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + bban);
    }

    /// <summary>The printed form, in groups of four: <c>BE68 5390 0754 7034</c>.</summary>
    public string ToPrintable() => string.Join(' ', Value.Chunk(4).Select(chunk => new string(chunk)));

    public override string ToString() => Value;
}
