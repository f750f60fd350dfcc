namespace Bascule.Extract.Values;

/// <summary>A legacy general ledger account: 6 or 7 digits, kept as text because leading zeros matter.</summary>
public sealed record AccountCode
{
    private AccountCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The account class (first digit): 0 off-balance, 1 equity … 6 charges, 7 income.</summary>
    public int Class => Value[0] - '0';

    public static bool TryParse(ReadOnlySpan<char> text, out AccountCode? code)
    {
        code = null;
        text = text.Trim();
        if (text.Length is < 6 or > 7)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        code = new AccountCode(text.ToString());
        return true;
    }

    public static AccountCode Parse(string text) =>
        TryParse(text, out var code) ? code! : throw new FormatException($"'{text}' is not a general account (6 or 7 digits).");

    public override string ToString() => Value;
}
