using System.Globalization;
using System.Text;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>Text and figures as the HTML report writes them: every source text HTML-escaped, euros the Belgian way (<c>1.234,56</c>).</summary>
internal static class HtmlText
{
    private static readonly NumberFormatInfo Belgian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "−" };

    /// <summary>
    /// Escapes the five characters that can open markup or close an attribute; accented letters stay as they are
    /// (the file is UTF-8), where <c>WebUtility.HtmlEncode</c> would turn them into numeric entities.
    /// </summary>
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return text ?? "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    public static string Money(decimal value) => value.ToString("#,##0.00", Belgian);

    public static string Count(long value) => value.ToString("#,##0", Belgian);

    /// <summary>Both languages side by side, French first, Dutch greyed: Brussels reports are bilingual.</summary>
    public static string Bilingual(string french, string dutch) =>
        french == dutch ? Encode(french) : $"<span lang=\"fr\">{Encode(french)}</span> <span class=\"nl\" lang=\"nl\">/ {Encode(dutch)}</span>";
}
