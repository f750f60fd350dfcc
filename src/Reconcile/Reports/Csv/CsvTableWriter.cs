using System.Globalization;
using System.Text;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Reports.Csv;

/// <summary>
/// One CSV file per table: <c>;</c> separated, UTF-8 with a BOM (so Excel opens accents right), RFC 4180 quoting,
/// amounts with a decimal comma and two decimals, no grouping (what Excel expects with <c>;</c> in Belgian locales, and
/// how the legacy exports write them), text neutralised against formula injection.
/// </summary>
public static class CsvTableWriter
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static async Task WriteAsync(ReportTable table, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var writer = new StreamWriter(path, append: false, Utf8WithBom);
        await writer.WriteAsync(Line(table.Columns.Select(c => Quote(SpreadsheetText.Neutralise(c.Header)))).AsMemory(), cancellationToken);
        foreach (var row in table.Rows)
        {
            await writer.WriteAsync(Line(row.Select((cell, i) => Cell(cell, table.Columns[i].Kind))).AsMemory(), cancellationToken);
        }
    }

    private static string Line(IEnumerable<string> cells) => string.Join(';', cells) + "\r\n";

    private static string Cell(object? cell, CellKind kind) => cell switch
    {
        null => "",
        decimal value when kind is CellKind.Money or CellKind.Figure => value.ToString("0.00", DecimalComma),
        decimal value => value.ToString(DecimalComma),
        long value => value.ToString(CultureInfo.InvariantCulture),
        _ => Quote(SpreadsheetText.Neutralise(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "")),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
