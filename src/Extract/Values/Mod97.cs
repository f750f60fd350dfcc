namespace Bascule.Extract.Values;

/// <summary>The ISO 7064 mod-97 arithmetic shared by IBANs and Belgian enterprise numbers.</summary>
internal static class Mod97
{
    /// <summary>The remainder modulo 97 of a long decimal number given as text; letters count as 10..35 (IBAN rule).</summary>
    public static int Remainder(ReadOnlySpan<char> digits)
    {
        var remainder = 0;
        foreach (var c in digits)
        {
            if (char.IsAsciiDigit(c))
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else
            {
                var value = char.ToUpperInvariant(c) - 'A' + 10;
                remainder = ((remainder * 100) + value) % 97;
            }
        }

        return remainder;
    }
}
