namespace Bascule.Extract.Values;

/// <summary>A third-party code (<c>CODE_TIERS</c>): kept as text because leading zeros matter; no spaces or separators.</summary>
public sealed record ThirdPartyCode
{
    private const int MaxLength = 20;

    private ThirdPartyCode(string value) => Value = value;

    public string Value { get; }

    public static bool TryParse(ReadOnlySpan<char> text, out ThirdPartyCode? code)
    {
        text = text.Trim();
        code = IsWellFormed(text) ? new ThirdPartyCode(text.ToString()) : null;
        return code is not null;
    }

    /// <summary>Checks the shape without building a value, for readers that keep the code as plain text.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > MaxLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.' or '/'))
            {
                return false;
            }
        }

        return true;
    }

    public static ThirdPartyCode Parse(string text) =>
        TryParse(text, out var code)
            ? code!
            : throw new FormatException($"'{text}' is not a third-party code (1 to {MaxLength} letters, digits or - _ . /).");

    public override string ToString() => Value;
}
