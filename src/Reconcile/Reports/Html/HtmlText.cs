using System.Globalization;
using System.Net;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>Text and figures as the HTML report writes them: every source text HTML-escaped, euros the Belgian way (<c>1.234,56</c>).</summary>
internal static class HtmlText
{
    private static readonly NumberFormatInfo Belgian = new() { NumberDecimalSeparator = ",", NumberGroupSeparator = ".", NegativeSign = "−" };

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string Money(decimal value) => value.ToString("#,##0.00", Belgian);

    public static string Count(long value) => value.ToString("#,##0", Belgian);

    /// <summary>Both languages side by side, French first, Dutch greyed: Brussels reports are bilingual.</summary>
    public static string Bilingual(string french, string dutch) =>
        french == dutch ? Encode(french) : $"<span lang=\"fr\">{Encode(french)}</span> <span class=\"nl\" lang=\"nl\">/ {Encode(dutch)}</span>";
}
