using System.Buffers;
using System.Net;
using System.Text;
using Bascule.Reconcile.Reports;
using Bascule.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// Checks the reports of a run as a browser and a spreadsheet would meet them: no markup from the data in the HTML,
/// no text cell of the workbook or the CSV files that a spreadsheet would evaluate, and the injected texts still
/// present (escaped or neutralised, not dropped).
/// </summary>
internal static class ReportSafety
{
    // Excel refuses (repairs) a workbook whose cell holds more characters than this.
    public const int ExcelCellLimit = 32_767;

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789,");

    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    public static void Check(ReportFiles reports, IReadOnlyList<string>? injected = null)
    {
        injected ??= [];
        CheckHtml(File.ReadAllText(reports.Html, Encoding.UTF8), injected);
        CheckWorkbook(reports.Xlsx, injected);
        CheckCsv(reports.Csv, injected);
    }

    private static void CheckHtml(string html, IReadOnlyList<string> injected)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        // An event handler is harmless as text; it must never sit inside a tag.
        for (
            var at = html.IndexOf("onerror", StringComparison.OrdinalIgnoreCase);
            at >= 0;
            at = html.IndexOf("onerror", at + 1, StringComparison.OrdinalIgnoreCase))
        {
            Assert.True(
                html.LastIndexOf('>', at) > html.LastIndexOf('<', at),
                $"onerror inside a tag at offset {at}: {html[Math.Max(0, at - 80)..Math.Min(html.Length, at + 40)]}");
        }

        var text = WebUtility.HtmlDecode(html);
        foreach (var value in injected.Where(v => v.StartsWith('<') || v.StartsWith('"')))
        {
            Assert.Contains(value, text, StringComparison.Ordinal);
        }
    }

    private static void CheckWorkbook(string path, IReadOnlyList<string> injected)
    {
        var texts = new List<string>();
        using (var document = SpreadsheetDocument.Open(path, false))
        {
            foreach (var sheet in document.WorkbookPart!.WorksheetParts)
            {
                var formats = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
                foreach (var cell in sheet.Worksheet.Descendants<Cell>())
                {
                    Assert.Null(cell.CellFormula);
                    if (cell.DataType?.Value == CellValues.InlineString || cell.DataType?.Value == CellValues.String
                        || cell.DataType?.Value == CellValues.SharedString)
                    {
                        var value = cell.InnerText;
                        Assert.True(
                            value.Length <= ExcelCellLimit,
                            $"workbook cell {cell.CellReference} holds {value.Length} characters, more than Excel's {ExcelCellLimit}.");
                        // A text that starts like a formula is kept as text by the quote-prefix style of its cell.
                        var quoted = cell.StyleIndex is { } style && formats[(int)style.Value].QuotePrefix?.Value == true;
                        Assert.False(
                            StartsLikeAFormula(value) && !quoted,
                            $"workbook cell {cell.CellReference} starts like a formula without the quote prefix: {Shorten(value)}");
                        texts.Add(value);
                    }
                }
            }
        }

        foreach (var value in injected.Where(v => v.AsSpan().IndexOfAny(FormulaStarts) == 0))
        {
            Assert.Contains(texts, t => t.Contains(value, StringComparison.Ordinal));
        }
    }

    private static void CheckCsv(IReadOnlyList<string> files, IReadOnlyList<string> injected)
    {
        var texts = new List<string>();
        foreach (var file in files)
        {
            foreach (var cell in CsvCells(File.ReadAllText(file, Encoding.UTF8)))
            {
                // Amounts are written as plain numbers (-12,50): a spreadsheet reads them as numbers, not formulas.
                Assert.False(
                    StartsLikeAFormula(cell) && !IsNumber(cell),
                    $"{Path.GetFileName(file)}: a cell starts like a formula: {Shorten(cell)}");
                texts.Add(cell);
            }
        }

        foreach (var value in injected.Where(v => v.AsSpan().IndexOfAny(FormulaStarts) == 0))
        {
            Assert.Contains(texts, t => t.Contains(value, StringComparison.Ordinal));
        }
    }

    private static bool StartsLikeAFormula(string value) => value.Length > 0 && FormulaStarts.Contains(value[0]);

    private static bool IsNumber(string value) =>
        value.Length > 1 && value[0] == '-' && !value.AsSpan(1).ContainsAnyExcept(NumberChars);

    private static string Shorten(string value) => value.Length > 120 ? value[..120] + "…" : value;

    /// <summary>The cells of an RFC 4180 text (<c>;</c>, double quotes), unquoted.</summary>
    private static IEnumerable<string> CsvCells(string text) => CsvText.Rows(text).SelectMany(row => row);
}
