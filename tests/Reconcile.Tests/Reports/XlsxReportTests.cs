using System.Globalization;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Bascule.Reconcile.Tests.Reports;

public sealed class XlsxReportTests
{
    [Fact]
    public async Task The_workbook_has_one_valid_sheet_per_table_with_frozen_header_autofilter_and_euro_amounts()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        using var document = SpreadsheetDocument.Open(files.Xlsx, false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken)
            .Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(ReportTables.Build(result, new ReportOptions()).Select(t => t.Id), sheets.Select(s => s.Name!.Value));

        var journals = ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == ReportTables.Journals).Id!)).Worksheet;
        var pane = journals.Descendants<Pane>().Single();
        Assert.Equal((1d, "A2", PaneStateValues.Frozen), (pane.VerticalSplit!.Value, pane.TopLeftCell!.Value, pane.State!.Value));
        Assert.Equal("A1:J6", journals.Descendants<AutoFilter>().Single().Reference!.Value);
        var amount = journals.Descendants<Cell>().Single(c => c.CellReference == "C2");
        Assert.Equal(CellValues.Number, amount.DataType!.Value);
        // Row 2 is the first journal, ACH; column C its source debit.
        Assert.Equal(
            SampleFigures.Of(SampleRun.Commune).Debit("ACH").ToString("0.00", CultureInfo.InvariantCulture),
            amount.CellValue!.Text);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)amount.StyleIndex!.Value);
        var euro = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
            .Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Contains("€", euro.FormatCode!.Value, StringComparison.Ordinal);

        var rejected = ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == ReportTables.Rejected).Id!)).Worksheet;
        var texts = rejected.Descendants<InlineString>().Select(s => s.InnerText).ToList();
        // Shown as its text, without an apostrophe, and kept as text by the quote-prefix style.
        var formula = rejected.Descendants<Cell>().Single(c => c.InnerText == "=HYPERLINK(\"http://x\")<script>alert(1)</script>");
        Assert.True(Format(workbook, formula).QuotePrefix?.Value);
        Assert.DoesNotContain(texts, t => t.StartsWith('\'') && t.Contains("HYPERLINK", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Dupont", StringComparison.Ordinal));
        Assert.All(rejected.Descendants<Cell>(), c => Assert.NotNull(c.CellReference));
    }

    [Fact]
    public async Task The_workbook_reads_and_prints_well_columns_as_wide_as_their_contents_counts_whole_landscape_fitted_header_repeated()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);
        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        using var document = SpreadsheetDocument.Open(files.Xlsx, false);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        var titles = workbook.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name == "_xlnm.Print_Titles").ToList();
        for (var i = 0; i < sheets.Count; i++)
        {
            var sheet = ((WorksheetPart)workbook.GetPartById(sheets[i].Id!)).Worksheet;
            var setup = sheet.Elements<PageSetup>().Single();
            Assert.Equal(
                (OrientationValues.Landscape, 1u, 0u),
                (setup.Orientation!.Value, setup.FitToWidth!.Value, setup.FitToHeight!.Value));
            Assert.True(sheet.Elements<SheetProperties>().Single().PageSetupProperties!.FitToPage!.Value);
            var title = Assert.Single(titles, t => t.LocalSheetId!.Value == i);
            Assert.Equal($"'{sheets[i].Name}'!$1:$1", title.Text);

            // Every text column at least as wide as its longest text: nothing is cut on screen.
            var widths = sheet.Descendants<Column>().ToDictionary(c => (int)c.Min!.Value, c => c.Width!.Value);
            foreach (var cell in sheet.Descendants<Row>().Skip(1).SelectMany(r => r.Elements<Cell>())
                .Where(c => c.DataType?.Value == CellValues.InlineString))
            {
                var column = ColumnOf(cell.CellReference!.Value!);
                Assert.True(
                    widths[column] >= Math.Min(cell.InnerText.Length, 88),
                    $"{sheets[i].Name} {cell.CellReference}: width {widths[column]} for {cell.InnerText.Length} characters");
            }
        }

        // A check counted in lines shows a whole number, in a format without decimals.
        var checks = ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == ReportTables.Checks).Id!)).Worksheet;
        var lineChecks = result.Checks.Select((c, i) => (Check: c, Row: i + 2)).Where(c => !c.Check.IsMoney).ToList();
        Assert.NotEmpty(lineChecks);
        foreach (var (check, row) in lineChecks)
        {
            var found = checks.Descendants<Cell>().Single(c => c.CellReference == $"E{row}");
            Assert.Equal(decimal.ToInt64(check.Found).ToString(CultureInfo.InvariantCulture), found.CellValue!.Text);
            Assert.Equal(1u, Format(workbook, found).NumberFormatId!.Value);
        }

        // The SHA-256 of each source file fits its column.
        var sources = ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == ReportTables.SourceFiles).Id!)).Worksheet;
        Assert.True(sources.Descendants<Column>().Single(c => c.Min!.Value == 2).Width!.Value >= 64);
    }

    private static CellFormat Format(WorkbookPart workbook, Cell cell) =>
        workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);

    private static int ColumnOf(string reference)
    {
        var column = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            column = (column * 26) + (c - 'A' + 1);
        }

        return column;
    }
}
