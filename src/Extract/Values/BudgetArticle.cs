namespace Bascule.Extract.Values;

/// <summary>
/// A legacy budget article <c>FUNCTION/ECONOMIC-SUB</c>, e.g. <c>104/111-01</c>:
/// function 3 to 5 digits, economic code 3 digits, sub-article 2 digits.
/// </summary>
public sealed record BudgetArticle(string Function, string Economic, string Sub)
{
    public static bool TryParse(ReadOnlySpan<char> text, out BudgetArticle? article)
    {
        article = null;
        text = text.Trim();
        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            return false;
        }

        var function = text[..slash];
        var rest = text[(slash + 1)..];
        var dash = rest.IndexOf('-');
        if (dash < 0)
        {
            return false;
        }

        var economic = rest[..dash];
        var sub = rest[(dash + 1)..];
        if (!IsDigits(function, 3, 5) || !IsDigits(economic, 3, 3) || !IsDigits(sub, 2, 2))
        {
            return false;
        }

        article = new BudgetArticle(function.ToString(), economic.ToString(), sub.ToString());
        return true;
    }

    public static BudgetArticle Parse(string text) =>
        TryParse(text, out var article)
            ? article!
            : throw new FormatException($"'{text}' is not a budget article FUNCTION/ECONOMIC-SUB (e.g. 104/111-01).");

    public override string ToString() => $"{Function}/{Economic}-{Sub}";

    private static bool IsDigits(ReadOnlySpan<char> text, int min, int max)
    {
        if (text.Length < min || text.Length > max)
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

        return true;
    }
}
