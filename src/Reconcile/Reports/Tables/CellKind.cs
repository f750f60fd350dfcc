namespace Bascule.Reconcile.Reports.Tables;

/// <summary>
/// How a cell is written: text (neutralised in spreadsheets), code (text shown in a fixed-width font that may wrap
/// anywhere: hashes, raw source lines), a euro amount, a whole number, or a figure whose unit varies by row.
/// </summary>
public enum CellKind
{
    Text,
    Code,
    Money,
    Count,
    Figure,
}
