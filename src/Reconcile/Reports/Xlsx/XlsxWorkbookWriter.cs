using System.Globalization;
using System.IO.Compression;
using System.Text;
using Bascule.Extract.Csv;
using Bascule.Reconcile.Reports.Tables;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bascule.Reconcile.Reports.Xlsx;

/// <summary>
/// The workbook for accountants who work in Excel: one sheet per table, header row frozen, an autofilter over the
/// table, columns as wide as their contents, amounts as numbers in a euro format, counts as whole numbers, text as
/// inline strings (one that starts like a formula kept as text by the quote-prefix style, never evaluated); each sheet
/// prints landscape, fitted to the page width, its header row repeated on every page.
/// Written with the Open XML SDK's elements and its streaming writer (ClosedXML cannot run beside Open XML SDK 3 here), a
/// row at a time: memory does not grow with the number of rows.
/// </summary>
public static class XlsxWorkbookWriter
{
    public const int ExcelCellLimit = 32_767;

    public static void Write(IReadOnlyList<ReportTable> tables, string path)
    {
        ArgumentNullException.ThrowIfNull(tables);
        // The package is a zip written entry by entry, each compressed to the file as it streams. The SDK's own package
        // (SpreadsheetDocument.Create) keeps every part uncompressed in memory until it is closed, and refuses a package
        // opened for writing only (dotnet/Open-XML-SDK#807): a workbook of 20,000 accounts held tens of megabytes.
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var zip = new ZipArchive(file, ZipArchiveMode.Create);
        var sheets = new Sheets();
        var names = new DefinedNames();
        uint sheetId = 0;
        foreach (var table in tables)
        {
            sheetId++;
            using (var part = zip.CreateEntry($"xl/worksheets/sheet{sheetId}.xml").Open())
            {
                WriteSheet(part, table);
            }

            sheets.Append(new Sheet { Id = SheetRelationship(sheetId), SheetId = sheetId, Name = table.Id });
            // Excel records an autofilter's range as this hidden name too; without it some versions repair the file.
            names.Append(new DefinedName($"'{table.Id}'!{AbsoluteRange(table)}")
            {
                Name = "_xlnm._FilterDatabase",
                LocalSheetId = sheetId - 1,
                Hidden = true,
            });
            // The header row printed at the top of every page.
            names.Append(new DefinedName($"'{table.Id}'!$1:$1") { Name = "_xlnm.Print_Titles", LocalSheetId = sheetId - 1 });
        }

        using (var part = zip.CreateEntry("xl/styles.xml").Open())
        {
            XlsxStyles.Create().Save(part);
        }

        using (var part = zip.CreateEntry("xl/workbook.xml").Open())
        {
            var workbook = new Workbook(sheets, names);
            workbook.AddNamespaceDeclaration("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
            workbook.Save(part);
        }

        XlsxPackage.WriteParts(zip, sheetId, SheetRelationship);
    }

    private static string SheetRelationship(uint sheet) => string.Create(CultureInfo.InvariantCulture, $"rIdSheet{sheet}");

    // The sheet written element by element: one row's cells exist at a time, never the whole sheet.
    private static void WriteSheet(Stream part, ReportTable table)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
        var frozen = new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen };
        writer.WriteElement(new SheetViews(new SheetView(
            frozen,
            new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
        {
            WorkbookViewId = 0,
        }));
        writer.WriteElement(new Columns(table.Columns.Select((c, i) => new Column
        {
            Min = (uint)(i + 1),
            Max = (uint)(i + 1),
            Width = Width(table, i),
            CustomWidth = true,
        })));
        writer.WriteStartElement(new SheetData());
        writer.WriteElement(new Row(table.Columns.Select((c, i) => Text(Reference(i, 1), c.Header, XlsxStyles.Header))) { RowIndex = 1 });
        uint rowIndex = 1;
        foreach (var cells in table.Rows)
        {
            rowIndex++;
            writer.WriteElement(
                new Row(cells.Select((cell, i) => Cell(Reference(i, rowIndex), cell, table.Columns[i].Kind))) { RowIndex = rowIndex });
        }

        writer.WriteEndElement();
        writer.WriteElement(new AutoFilter { Reference = Range(table) });
        writer.WriteElement(new PageMargins { Left = 0.4, Right = 0.4, Top = 0.5, Bottom = 0.5, Header = 0.3, Footer = 0.3 });
        writer.WriteElement(new PageSetup { Orientation = OrientationValues.Landscape, PaperSize = 9, FitToWidth = 1, FitToHeight = 0 });
        writer.WriteEndElement();
    }

    // As wide as the longest content (characters of the default font), within bounds: a long header wraps instead of
    // widening its column, and a cell longer than the maximum (a raw line) wraps within it in Excel's own way.
    private static double Width(ReportTable table, int column)
    {
        const int MinWidth = 8;
        const int MaxWidth = 90;
        var kind = table.Columns[column].Kind;
        var widest = table.Rows.Count == 0 ? 0 : table.Rows.Max(row => Shown(row[column], kind));
        var header = table.Columns[column].Header.Split(' ').Max(word => word.Length);
        return Math.Clamp(Math.Max(widest, header) + 2, MinWidth, MaxWidth);
    }

    // The characters a cell shows: amounts with grouping, two decimals and the euro sign; counts with grouping.
    private static int Shown(object? value, CellKind kind) => value switch
    {
        null => 0,
        decimal number when kind is CellKind.Money or CellKind.Figure => number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length
            + 2,
        decimal number => number.ToString(CultureInfo.InvariantCulture).Length,
        long number => number.ToString("#,##0", CultureInfo.InvariantCulture).Length,
        string text => Math.Min(text.Length, ExcelCellLimit),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Length ?? 0,
    };

    private static string Range(ReportTable table) => $"A1:{Reference(table.Columns.Count - 1, (uint)table.Rows.Count + 1)}";

    private static string AbsoluteRange(ReportTable table)
    {
        var last = Reference(table.Columns.Count - 1, (uint)table.Rows.Count + 1);
        var digits = last.AsSpan().IndexOfAnyInRange('0', '9');
        return $"$A$1:${last[..digits]}${last[digits..]}";
    }

    private static Cell Cell(string reference, object? value, CellKind kind) => value switch
    {
        null => new Cell { CellReference = reference },
        decimal number => Number(
            reference,
            number.ToString(CultureInfo.InvariantCulture),
            kind == CellKind.Money ? XlsxStyles.Money : kind == CellKind.Figure ? XlsxStyles.Figure : XlsxStyles.Count),
        long number => Number(reference, number.ToString(CultureInfo.InvariantCulture), XlsxStyles.Count),
        _ => Text(reference, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", XlsxStyles.Text),
    };

    private static Cell Number(string reference, string value, uint style) =>
        new() { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value), StyleIndex = style };

    // A text that starts like a formula keeps its characters and gets the quote-prefix style: Excel and LibreOffice show
    // it as it is, never evaluate it, and keep it text when the cell is edited.
    private static Cell Text(
        string reference,
        string text,
        uint style) => new(new InlineString(new Text(Fitted(XmlSafe(text))) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference,
        DataType = CellValues.InlineString,
        StyleIndex = SpreadsheetText.StartsLikeAFormula(text) ? XlsxStyles.QuotedText : style,
    };

    // Raw source lines may hold control characters and the noncharacters U+FFFE and U+FFFF, which XML 1.0 cannot
    // carry: they become U+FFFD.
    private static string XmlSafe(string text)
    {
        if (!text.Any(NotXml))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(NotXml(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }

    private static bool NotXml(char c) => (c < ' ' && c is not '\t' and not '\n' and not '\r') || c is '\uFFFE' or '\uFFFF';

    // Excel holds at most 32,767 characters in a cell and reports a workbook with a longer one as damaged. A longer text
    // (a huge field in a rejected line) is cut with a note; the CSV and JSON reports keep it whole.
    private static string Fitted(string text)
    {
        if (text.Length <= ExcelCellLimit)
        {
            return text;
        }

        var note = string.Create(
            CultureInfo.InvariantCulture,
            $" … [{text.Length:N0} characters: cut here, whole in the CSV and JSON reports]");
        var keep = ExcelCellLimit - note.Length;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), note);
    }

    private static string Reference(int column, uint row)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }
}
