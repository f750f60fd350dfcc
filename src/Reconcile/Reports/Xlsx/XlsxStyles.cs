using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bascule.Reconcile.Reports.Xlsx;

/// <summary>
/// The workbook's styles: a bold header that wraps, euro amounts (<c>#,##0.00 €</c>, negatives in red), whole numbers,
/// and text that only looks like a formula, kept as text by Excel's quote prefix (shown without an apostrophe).
/// </summary>
internal static class XlsxStyles
{
    public const uint Text = 0;
    public const uint Header = 1;
    public const uint Money = 2;
    public const uint Count = 3;
    public const uint Figure = 4;
    public const uint QuotedText = 5;

    private const uint EuroFormat = 164;

    public static Stylesheet Create() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = EuroFormat, FormatCode = "#,##0.00\\ \"€\";[Red]\\-#,##0.00\\ \"€\"" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) {
                FontId = 1,
                ApplyFont = true,
                ApplyAlignment = true },
            new CellFormat { NumberFormatId = EuroFormat, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 1, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 4, ApplyNumberFormat = true },
            new CellFormat { QuotePrefix = true })
        { Count = 6 });

    public static BooleanValue True => new(true);
}
