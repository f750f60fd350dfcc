namespace Bascule.Reconcile.Reports.Tables;

/// <summary>
/// One table of the reconciliation, the same for the HTML report, the workbook (one sheet) and the CSV files (one
/// file). <paramref name="Id"/> names the sheet and the file. Cells are <see cref="string"/>, <see cref="decimal"/>,
/// <see cref="long"/> or null, as the column's kind says.
/// </summary>
public sealed record ReportTable(string Id, string French, string Dutch, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows)
{
    /// <summary>
    /// The figure a cell (row, column index) stands for, when it has lines behind it: the pages follow it through
    /// <see cref="ReportLinks"/>. None for a table whose cells lead nowhere.
    /// </summary>
    public Func<object?[], int, ReportFigure?>? Figures { get; init; }
}
