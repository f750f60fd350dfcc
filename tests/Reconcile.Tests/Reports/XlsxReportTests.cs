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
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}"));
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
        Assert.Equal(SampleFigures.Of(SampleRun.Commune).Debit("ACH").ToString("0.00", CultureInfo.InvariantCulture), amount.CellValue!.Text);
        var format = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)amount.StyleIndex!.Value);
        var euro = workbook.WorkbookStylesPart.Stylesheet.NumberingFormats!.Elements<NumberingFormat>().Single(n => n.NumberFormatId!.Value == format.NumberFormatId!.Value);
        Assert.Contains("€", euro.FormatCode!.Value, StringComparison.Ordinal);

        var rejected = ((WorksheetPart)workbook.GetPartById(sheets.Single(s => s.Name == ReportTables.Rejected).Id!)).Worksheet;
        var texts = rejected.Descendants<InlineString>().Select(s => s.InnerText).ToList();
        Assert.Contains("'=HYPERLINK(\"http://x\")<script>alert(1)</script>", texts);
        Assert.DoesNotContain(texts, t => t.Contains("Dupont", StringComparison.Ordinal));
        Assert.All(rejected.Descendants<Cell>(), c => Assert.NotNull(c.CellReference));
    }
}
