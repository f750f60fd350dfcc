using System.Globalization;
using System.Text;
using Bascule.Extract.Csv;
using Bascule.Extract.Values;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// The neutral import layout of the package's data files: UTF-8 without BOM, <c>;</c> separated, CRLF line ends, a header
/// row, RFC 4180 quoting where a field holds <c>;</c>, a quote or a line break; amounts with a <c>.</c> decimal point,
/// exactly two decimals, no grouping, <c>-</c> for negatives (<see cref="Amount.Format"/>, as in the JSON); dates
/// <c>yyyy-MM-dd</c>; empty field = no value. Free text (labels) is neutralised against spreadsheet formula injection
/// (<see cref="Text"/>), since accountants open these files in Excel too; codes and amounts are written as they are.
/// </summary>
internal static class ImportCsv
{
    private static readonly CsvDialect Dialect = new(
        ';',
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        "\r\n",
        NeutraliseFormulas: false);

    public static async Task WriteAsync(
        string path,
        IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string?>> rows,
        CancellationToken cancellationToken)
    {
        await using var csv = new CsvFileWriter(path, Dialect, header);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var field in row)
            {
                csv.Value(field);
            }

            csv.EndRecord();
        }
    }

    public static string Money(decimal value) => Amount.Format(value);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(string text) => SpreadsheetText.Neutralise(text);
}
