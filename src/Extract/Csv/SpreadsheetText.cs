namespace Bascule.Extract.Csv;

/// <summary>
/// Neutralises spreadsheet formula injection the way OWASP recommends: a text cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading single quote, so Excel and LibreOffice show it as text
/// and never evaluate it.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string text) => StartsLikeAFormula(text) ? "'" + text : text;

    /// <summary>Whether a spreadsheet would take <paramref name="text"/> for a formula (the workbook gives such a cell the quote-prefix
    /// style).</summary>
    public static bool StartsLikeAFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
