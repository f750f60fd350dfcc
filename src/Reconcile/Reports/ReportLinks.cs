namespace Bascule.Reconcile.Reports;

/// <summary>The figures of a report that have lines behind them, which a reader can follow to those lines.</summary>
public enum FigureKind
{
    LegacyAccount,
    NewAccount,
    Journal,
    BudgetArticle,
    Document,
    CheckDifferences,
    Unmapped,
    Rejected,
    MappingRule,
}

/// <summary>
/// A figure with lines behind it: <paramref name="Kind"/> and its key (an account code, a budget article, a check's
/// number; a journal as <c>YEAR/JOURNAL</c>, a document as <c>YEAR/JOURNAL/DOCUMENT</c>; empty for all the unmapped or
/// all the rejected lines).
/// </summary>
public sealed record ReportFigure(FigureKind Kind, string Key);

/// <summary>
/// Where a figure leads: the address of the page listing its lines, or null to show it as plain text. The report file
/// has none (it is read on its own, offline); <c>bascule serve</c> gives the addresses of its drill-down pages.
/// </summary>
public delegate string? ReportLinks(ReportFigure figure);

/// <summary>How a report is shown to its reader: in which language, and where its figures lead.</summary>
public sealed record ReportView(ReaderLanguage Language, ReportLinks? Links)
{
    /// <summary>A file: French and Dutch side by side, figures as plain text.</summary>
    public static ReportView File { get; } = new(ReaderLanguage.Both, null);

    public string? Href(ReportFigure? figure) => figure is null ? null : Links?.Invoke(figure);

    /// <summary>The <c>lang</c> of the page: French for a file, whose Dutch texts are marked as such.</summary>
    public string Lang => Bilingual.Tag(Language);
}
