namespace Bascule.Reconcile.Reports.Tables;

/// <summary>
/// One table of the reconciliation, the same for the HTML report, the workbook (one sheet) and the CSV files (one
/// file). <paramref name="Id"/> names the sheet and the file. Cells are <see cref="string"/>, <see cref="decimal"/>,
/// <see cref="long"/> or null, as the column's kind says.
/// </summary>
public sealed record ReportTable(string Id, string French, string Dutch, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<object?[]> Rows);
