namespace Bascule.Reconcile.Reports.Tables;

/// <summary>A column of a report table, with its French and Dutch headers.</summary>
public sealed record ReportColumn(string French, string Dutch, CellKind Kind)
{
    /// <summary>The header of spreadsheets and CSV files: both languages, as Brussels reports are bilingual.</summary>
    public string Header => French == Dutch ? French : $"{French} / {Dutch}";
}
