using System.Globalization;
using Bascule.Load.Providers;
using Bascule.Load.Runs;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// The SQL of a drill-down page: one SELECT per table the list reads (staged, unmapped, rejected lines), each filtered,
/// started after the key and cut at the page size in key order, then merged in key order and cut again. Paging is by
/// key, never by offset. The unmapped and rejected lines are read through their lineage indexes, one page's worth of
/// entries. The staged lines are read through the run's drill-down indexes (<see cref="DrillIndexes"/>: partial indexes
/// of one run, built after it was published), one page's worth of entries; until they are built, through the run index,
/// a list's lines sorted by key. A partial index serves a query only when the query names the run as the index's
/// condition does, as a literal (SQLite, SQL Server): the staged lines' condition on the run is written so. Only the SQL
/// that differs by engine is chosen here: the page size clause, and the key comparison (SQL Server has no row values).
/// </summary>
internal static class DrillSql
{
    // The three tables' rows in one shape (see DrillRow); x is the table, its columns named by what DrillRow reads. What a
    // table does not hold is a NULL of the other tables' type: a merged page's columns must agree on every engine.
    private const string StagedColumns =
        """
        SELECT 'staged' AS State, x.source_file AS SourceFile, x.record AS Record, x.part AS Part, x.line AS Line,
               x.fiscal_year AS FiscalYear, x.journal AS Journal, x.document AS Document, x.line_number AS LineNumber,
               x.booking_date AS BookingDate, x.account AS Account, x.article AS Article, x.service AS Service,
               x.third_party AS ThirdParty, x.label AS Label, x.source_debit AS SourceDebit, x.source_credit AS SourceCredit,
               x.rule_id AS RuleId, x.target_account AS TargetAccount, x.target_economic AS TargetEconomic,
               x.target_function AS TargetFunction, x.debit AS Debit, x.credit AS Credit,
               CAST(NULL AS VARCHAR(1)) AS Reason, CAST(NULL AS VARCHAR(1)) AS Message, x.raw_text AS RawText
        FROM staged_lines x
        """;

    private const string UnmappedColumns =
        """
        SELECT 'unmapped' AS State, x.source_file AS SourceFile, x.record AS Record, 1 AS Part, x.line AS Line,
               x.fiscal_year AS FiscalYear, x.journal AS Journal, x.document AS Document, x.line_number AS LineNumber,
               x.booking_date AS BookingDate, x.account AS Account, x.article AS Article, x.service AS Service,
               x.third_party AS ThirdParty, x.label AS Label, x.debit AS SourceDebit, x.credit AS SourceCredit,
               CAST(NULL AS VARCHAR(1)) AS RuleId, CAST(NULL AS VARCHAR(1)) AS TargetAccount,
               CAST(NULL AS VARCHAR(1)) AS TargetEconomic, CAST(NULL AS VARCHAR(1)) AS TargetFunction,
               x.debit AS Debit, x.credit AS Credit,
               CAST(NULL AS VARCHAR(1)) AS Reason, CAST(NULL AS VARCHAR(1)) AS Message, x.raw_text AS RawText
        FROM unmapped_lines x
        """;

    private const string RejectedColumns =
        """
        SELECT 'rejected' AS State, x.source_file AS SourceFile, x.record AS Record, x.part AS Part, x.line AS Line,
               CAST(NULL AS INTEGER) AS FiscalYear, CAST(NULL AS VARCHAR(1)) AS Journal, CAST(NULL AS VARCHAR(1)) AS Document,
               CAST(NULL AS VARCHAR(1)) AS LineNumber, CAST(NULL AS DATE) AS BookingDate, CAST(NULL AS VARCHAR(1)) AS Account,
               CAST(NULL AS VARCHAR(1)) AS Article, CAST(NULL AS VARCHAR(1)) AS Service, CAST(NULL AS VARCHAR(1)) AS ThirdParty,
               CAST(NULL AS VARCHAR(1)) AS Label, CAST(NULL AS DECIMAL(19,2)) AS SourceDebit,
               CAST(NULL AS DECIMAL(19,2)) AS SourceCredit, CAST(NULL AS VARCHAR(1)) AS RuleId,
               CAST(NULL AS VARCHAR(1)) AS TargetAccount, CAST(NULL AS VARCHAR(1)) AS TargetEconomic,
               CAST(NULL AS VARCHAR(1)) AS TargetFunction, CAST(NULL AS DECIMAL(19,2)) AS Debit,
               CAST(NULL AS DECIMAL(19,2)) AS Credit, x.reason AS Reason, x.message AS Message, x.raw_text AS RawText
        FROM rejected_lines x
        """;

    /// <summary>
    /// Up to this many unbalanced documents are named in the page's condition (three parameters each); beyond, the page
    /// finds them again itself (<see cref="Unbalanced"/>), a sum over the run's lines on every page.
    /// </summary>
    public const int MaxNamedDocuments = 200;

    // The documents whose staged lines do not balance (check 4), met by each table's lines of the run.
    private const string Unbalanced =
        """
         JOIN (SELECT fiscal_year, journal, document FROM staged_lines WHERE run_id = @run
               GROUP BY fiscal_year, journal, document HAVING SUM(debit) <> SUM(credit)) d
            ON d.fiscal_year = x.fiscal_year AND d.journal = x.journal AND d.document = x.document
        """;

    /// <summary>The documents whose staged lines do not balance, parameter <c>@run</c>: what a run's unbalanced list names.</summary>
    public const string UnbalancedDocumentKeys =
        """
        SELECT fiscal_year AS FiscalYear, journal AS Journal, document AS Document FROM staged_lines WHERE run_id = @run
        GROUP BY fiscal_year, journal, document HAVING SUM(debit) <> SUM(credit)
        """;

    /// <summary>At most this many source lines are looked up by one <see cref="PartOne"/> query (three parameters each).</summary>
    public const int MaxPartOneLines = 200;

    private enum Table
    {
        Staged,
        Unmapped,
        Rejected,
    }

    /// <summary>
    /// The page query: parameters <c>@run</c>, <c>@value</c>, <c>@document</c> and, with a key, <c>@afterDocument</c>,
    /// <c>@afterFile</c>, <c>@afterRecord</c>, <c>@afterPart</c>. The unbalanced documents' list names its
    /// <paramref name="documents"/> documents (<c>@year0</c>, <c>@journal0</c>, <c>@document0</c>, …), or finds them itself
    /// when null.
    /// </summary>
    public static string Page(StagingProviderKind engine, RunId run, LineList list, bool afterKey, int rows, int? documents = null)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (documents > MaxNamedDocuments)
        {
            throw new ArgumentOutOfRangeException(nameof(documents), documents, $"At most {MaxNamedDocuments} documents are named.");
        }

        var branches = Tables(list.Kind).Select(t => Branch(engine, run, list, t, afterKey, rows, documents)).ToList();
        if (branches.Count == 1)
        {
            return branches[0];
        }

        var order = list.ByDocument ? "Document, SourceFile, Record, Part" : "SourceFile, Record, Part";
        return string.Join("\nUNION ALL\n", branches.Select((b, i) => $"SELECT * FROM ({b}) b{i}"))
            + $"\nORDER BY {order} {Limit(engine, rows)}";
    }

    /// <summary>
    /// The raw text of <paramref name="lines"/> split source lines, kept on their part 1 only: parameters <c>@account0</c>,
    /// <c>@file0</c>, <c>@record0</c>, …. The parts of a source line share its legacy account, so the run's account index
    /// (named by the run as a literal, see <see cref="DrillIndexes.Literal"/>) finds each in one seek.
    /// </summary>
    public static string PartOne(RunId run, int lines)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lines);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lines, MaxPartOneLines);
        var which = Enumerable.Range(0, lines).Select(i => string.Create(
            CultureInfo.InvariantCulture,
            $"(x.account = @account{i} AND x.source_file = @file{i} AND x.record = @record{i})"));
        return "SELECT x.source_file AS SourceFile, x.record AS Record, x.raw_text AS RawText FROM staged_lines x\n"
            + $"WHERE x.run_id = {DrillIndexes.Literal(run)} AND x.part = 1 AND ({string.Join(" OR ", which)})";
    }

    private static IReadOnlyList<Table> Tables(LineListKind kind) => kind switch
    {
        LineListKind.TargetAccount or LineListKind.Rule => [Table.Staged],
        LineListKind.Unmapped => [Table.Unmapped],
        LineListKind.Rejected => [Table.Rejected],
        LineListKind.FileExceptions => [Table.Unmapped, Table.Rejected],
        _ => [Table.Staged, Table.Unmapped],
    };

    private static string Branch(StagingProviderKind engine, RunId run, LineList list, Table table, bool afterKey, int rows, int? documents)
    {
        var select = table switch
        {
            Table.Staged => StagedColumns,
            Table.Unmapped => UnmappedColumns,
            _ => RejectedColumns,
        };
        var unbalanced = list.Kind == LineListKind.UnbalancedDocuments;
        var join = unbalanced && documents is null ? Unbalanced : "";
        // The run as a literal where its drill-down indexes may serve (see DrillIndexes.Literal), a parameter elsewhere.
        var where = new List<string> { table == Table.Staged ? "x.run_id = " + DrillIndexes.Literal(run) : "x.run_id = @run" };
        if (Filter(list.Kind, table) is { } filter)
        {
            where.Add(filter);
        }

        if (unbalanced && documents is { } count)
        {
            where.Add(count == 0 ? "1 = 0" : "(" + string.Join(" OR ", Enumerable.Range(0, count).Select(Document)) + ")");
        }

        // The unmapped lines have no part column: each is whole, part 1. A record is staged, unmapped or rejected, never
        // two of them, so after a key the unmapped lines start at the next record.
        var key = new List<string>();
        var after = new List<string>();
        if (list.ByDocument)
        {
            key.Add("x.document");
            after.Add("@afterDocument");
        }

        key.AddRange(["x.source_file", "x.record"]);
        after.AddRange(["@afterFile", "@afterRecord"]);
        if (table != Table.Unmapped)
        {
            key.Add("x.part");
            after.Add("@afterPart");
        }

        if (afterKey)
        {
            where.Add(After(engine, key, after));
        }

        return $"{select}{join}\nWHERE {string.Join(" AND ", where)}\nORDER BY {string.Join(", ", key)} {Limit(engine, rows)}";
    }

    private static string Document(int i) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"(x.fiscal_year = @year{i} AND x.journal = @journal{i} AND x.document = @document{i})");

    private static string? Filter(LineListKind kind, Table table) => kind switch
    {
        LineListKind.LegacyAccount => "x.account = @value",
        LineListKind.TargetAccount => "x.target_account = @value",
        LineListKind.Rule => "x.rule_id = @value",
        LineListKind.Journal => "x.journal = @value",
        LineListKind.Article => "x.article = @value",
        LineListKind.Document => "x.journal = @value AND x.document = @document",
        LineListKind.FileExceptions => "x.source_file = @value",
        _ => null,
    };

    // Row values where the engine has them (SQLite, PostgreSQL): the index is then read from the key on; SQL Server
    // spells the same order out.
    private static string After(StagingProviderKind engine, List<string> columns, List<string> values)
    {
        if (engine != StagingProviderKind.SqlServer)
        {
            return $"({string.Join(", ", columns)}) > ({string.Join(", ", values)})";
        }

        var text = $"{columns[^1]} > {values[^1]}";
        for (var i = columns.Count - 2; i >= 0; i--)
        {
            text = $"{columns[i]} > {values[i]} OR ({columns[i]} = {values[i]} AND ({text}))";
        }

        return $"({text})";
    }

    private static string Limit(StagingProviderKind engine, int rows) =>
        engine == StagingProviderKind.SqlServer ? $"OFFSET 0 ROWS FETCH NEXT {rows} ROWS ONLY" : $"LIMIT {rows}";
}
