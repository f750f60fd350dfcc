namespace Bascule.Reconcile.Reports;

/// <summary>
/// Neutralises spreadsheet formula injection the way OWASP recommends: a text cell that starts with <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading single quote, so Excel and LibreOffice show it as text
/// and never evaluate it.
/// </summary>
public static class SpreadsheetText
{
    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
