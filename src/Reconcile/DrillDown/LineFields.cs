using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Load.Runs;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// The text shown for a staged or unmapped ledger line of a run loaded before the staging database kept each line's raw
/// text (V009): only its fields, as they were read (typed), are stored. So the line is shown as its twelve fields in
/// <c>ECRITURES.csv</c>'s order, written back the way the export writes them (<c>;</c>, dates <c>dd/MM/yyyy</c>,
/// amounts with a decimal comma, an empty amount for zero), after a note that says so. It equals the raw line wherever
/// the export wrote a field in that canonical form; where it did not (<c>1.234,56</c> with grouping, a trailing minus,
/// another column order under a profile), the file's own line is one look away: its name, SHA-256 (the run's files) and
/// line number.
/// </summary>
public static class LineFields
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = "," };

    internal static string Of(DrillRow row) => string.Join(';',
        row.FiscalYear?.ToString(CultureInfo.InvariantCulture) ?? "",
        Field(row.Journal),
        Field(row.Document),
        Field(row.LineNumber),
        row.BookingDate is null ? "" : StoredDate.Parse(row.BookingDate).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Field(row.Account),
        Field(row.Article),
        Field(row.Service),
        Field(row.ThirdParty),
        Field(row.Label),
        Money(row.SourceDebit),
        Money(row.SourceCredit));

    private static string Money(Amount? amount) =>
        amount is { Value: not 0m } a ? a.Value.ToString("0.00", DecimalComma) : "";

    // RFC 4180, as the export quotes a field holding the separator or a quote.
    private static string Field(string? text) =>
        text is null
            ? ""
            : text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
