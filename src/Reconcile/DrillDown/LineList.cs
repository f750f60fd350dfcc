namespace Bascule.Reconcile.DrillDown;

/// <summary>Which lines of a run a drill-down list shows.</summary>
public enum LineListKind
{
    LegacyAccount,
    TargetAccount,
    Journal,
    Article,
    Document,
    Unmapped,
    Rejected,

    /// <summary>The lines of one source file that were not staged: its unmapped and rejected lines.</summary>
    FileExceptions,

    /// <summary>The staged and unmapped lines of the documents whose staged lines do not balance.</summary>
    UnbalancedDocuments,

    /// <summary>The staged lines (parts) one rule of the mapping produced.</summary>
    Rule,
}

/// <summary>
/// One drill-down list of a run: a legacy account's lines (staged and unmapped), a new account's, a journal's (document by
/// document), a budget article's, one document's, the unmapped or the rejected lines, a file's exceptions or the unbalanced
/// documents' lines, or the lines a rule staged. <see cref="Value"/> is the account, journal, article, file or rule; <see cref="Document"/>
/// the document
/// number of a <see cref="LineListKind.Document"/> list, whose <see cref="Value"/> is its journal.
/// </summary>
public sealed record LineList
{
    private LineList(LineListKind kind, string? value, string? document)
    {
        Kind = kind;
        Value = value;
        Document = document;
    }

    public LineListKind Kind { get; }

    public string? Value { get; }

    public string? Document { get; }

    /// <summary>Whether its lines are ordered document by document (a journal), so that its key carries the document.</summary>
    public bool ByDocument => Kind == LineListKind.Journal;

    public static LineList LegacyAccount(string account) => new(LineListKind.LegacyAccount, Required(account), null);

    public static LineList TargetAccount(string account) => new(LineListKind.TargetAccount, Required(account), null);

    public static LineList Journal(string journal) => new(LineListKind.Journal, Required(journal), null);

    public static LineList Article(string article) => new(LineListKind.Article, Required(article), null);

    public static LineList DocumentOf(string journal, string document) => new(LineListKind.Document, Required(journal), Required(document));

    public static LineList Rule(string rule) => new(LineListKind.Rule, Required(rule), null);

    public static LineList FileExceptions(string file) => new(LineListKind.FileExceptions, Required(file), null);

    public static LineList Unmapped { get; } = new(LineListKind.Unmapped, null, null);

    public static LineList Rejected { get; } = new(LineListKind.Rejected, null, null);

    public static LineList UnbalancedDocuments { get; } = new(LineListKind.UnbalancedDocuments, null, null);

    private static string Required(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        return value.Trim();
    }
}
