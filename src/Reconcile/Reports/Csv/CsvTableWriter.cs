using System.Globalization;
using Bascule.Extract.Csv;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Reports.Csv;

/// <summary>
/// One CSV file per table: <c>;</c> separated, UTF-8 with a BOM (so Excel opens accents right), RFC 4180 quoting,
/// amounts with a decimal comma and two decimals, no grouping (what Excel expects with <c>;</c> in Belgian locales, and
/// how the legacy exports write them), text neutralised against formula injection.
/// </summary>
public static class CsvTableWriter
{
    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    public static async Task WriteAsync(ReportTable table, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var csv = new CsvFileWriter(path, CsvDialect.Spreadsheet, table.Columns.Select(c => c.Header));
        foreach (var row in table.Rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < row.Length; i++)
            {
                Cell(csv, row[i], table.Columns[i].Kind);
            }

            csv.EndRecord();
        }
    }

    // Numbers are written as they are; everything else is text, neutralised.
    private static void Cell(CsvFileWriter csv, object? cell, CellKind kind)
    {
        switch (cell)
        {
            case null:
                csv.Value(null);
                break;
            case decimal value when kind is CellKind.Money or CellKind.Figure:
                csv.Euros(value);
                break;
            case decimal value:
                csv.Value(value.ToString(DecimalComma));
                break;
            case long value:
                csv.Value(value.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                csv.Text(Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "");
                break;
        }
    }
}
