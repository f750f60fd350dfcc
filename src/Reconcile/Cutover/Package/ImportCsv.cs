using System.Globalization;
using System.Text;
using Bascule.Reconcile.Reports;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// The neutral import layout of the package's data files: UTF-8 without BOM, <c>;</c> separated, CRLF line ends, a header
/// row, RFC 4180 quoting where a field holds <c>;</c>, a quote or a line break; amounts with a <c>.</c> decimal point,
/// exactly two decimals, no grouping, <c>-</c> for negatives; dates <c>yyyy-MM-dd</c>; empty field = no value. Free
/// text (labels) is neutralised against spreadsheet formula injection, since accountants open these files in Excel too.
/// </summary>
internal static class ImportCsv
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static async Task WriteAsync(string path, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, Utf8);
        await writer.WriteAsync(Line(header).AsMemory(), cancellationToken);
        foreach (var row in rows)
        {
            await writer.WriteAsync(Line(row).AsMemory(), cancellationToken);
        }
    }

    public static string Money(decimal value) => decimal.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Text(string text) => SpreadsheetText.Neutralise(text);

    private static string Line(IEnumerable<string?> fields) => string.Join(';', fields.Select(Quote)) + "\r\n";

    private static string Quote(string? field) =>
        field is null ? "" : field.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
