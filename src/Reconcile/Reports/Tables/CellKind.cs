namespace Bascule.Reconcile.Reports.Tables;

/// <summary>How a cell is written: text (neutralised in spreadsheets), a euro amount, a whole number, or a figure whose unit varies by row.</summary>
public enum CellKind
{
    Text,
    Money,
    Count,
    Figure,
}
