using Bascule.Extract.Values;

namespace Bascule.Transform.Rules;

/// <summary>
/// A rule's non-empty <c>SOURCE_ARTICLE</c>: <c>FUNCTION/ECONOMIC-SUB</c>, each part exact or <c>*</c>
/// (<c>104/123-*</c>, <c>*/111-*</c>). A null part is <c>*</c>. An empty <c>SOURCE_ARTICLE</c> is no pattern at all
/// (null on the rule): it matches any line, including lines without an article; a pattern only matches lines
/// that have one.
/// </summary>
public sealed record ArticlePattern(string? Function, string? Economic, string? Sub)
{
    /// <summary>How many parts are exact; more exact parts is more specific.</summary>
    public int ExactParts => (Function is null ? 0 : 1) + (Economic is null ? 0 : 1) + (Sub is null ? 0 : 1);

    public bool Matches(BudgetArticle? article) =>
        article is not null
        && (Function is null || Function == article.Function)
        && (Economic is null || Economic == article.Economic)
        && (Sub is null || Sub == article.Sub);

    /// <summary>Whether some article matches both patterns.</summary>
    public bool Overlaps(ArticlePattern other) =>
        Compatible(Function, other.Function) && Compatible(Economic, other.Economic) && Compatible(Sub, other.Sub);

    public static bool TryParse(string text, out ArticlePattern? pattern)
    {
        pattern = null;
        text = text.Trim();
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var dash = slash < 0 ? -1 : text.IndexOf('-', slash);
        if (slash < 0 || dash < 0)
        {
            return false;
        }

        if (!TryPart(text[..slash], 3, 5, out var function)
            || !TryPart(text[(slash + 1)..dash], 3, 3, out var economic)
            || !TryPart(text[(dash + 1)..], 2, 2, out var sub))
        {
            return false;
        }

        pattern = new ArticlePattern(function, economic, sub);
        return true;
    }

    public override string ToString() => $"{Function ?? "*"}/{Economic ?? "*"}-{Sub ?? "*"}";

    private static bool Compatible(string? a, string? b) => a is null || b is null || a == b;

    private static bool TryPart(string text, int min, int max, out string? part)
    {
        part = null;
        if (text == "*")
        {
            return true;
        }

        if (text.Length < min || text.Length > max || !text.All(char.IsAsciiDigit))
        {
            return false;
        }

        part = text;
        return true;
    }
}
