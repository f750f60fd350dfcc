using Bascule.Extract.Values;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// The reconciliation's SQL: plain, parameterised by run id, the same on SQLite, PostgreSQL and SQL Server. It reads the
/// run's rows whatever its status (loading, published, superseded), so a run can be reconciled before it is published.
/// Each query names its columns, and its row type beside it takes them by those names: a column added or moved changes
/// this file alone. Aliases avoid the words SQL Server reserves (FILE, KEY, OPEN…).
/// </summary>
internal static class Queries
{
    public const string Run =
        """
        SELECT run_id AS RunId, entity_name AS Entity, entity_type AS EntityType, ins_code AS InsCode, fiscal_year AS FiscalYear,
               status AS Status, mapping_id AS MappingId, mapping_version AS MappingVersion, mapping_sha256 AS MappingSha256,
               started_utc AS StartedUtc, finished_utc AS FinishedUtc, started_by AS StartedBy, tool_version AS ToolVersion,
               fingerprint AS Fingerprint, mapping_approved_by AS ApprovedBy, mapping_approved_on AS ApprovedOn,
               tolerance_unmapped_lines AS ToleratedUnmappedLines, tolerance_unmapped_euros AS ToleratedUnmappedEuros,
               tolerance_rejected_lines AS ToleratedRejectedLines
        FROM runs WHERE run_id = @run
        """;

    public const string Files =
        """
        SELECT source_file AS SourceFile, sha256 AS Sha256, lines_read AS LinesRead, control_lines AS ControlLines,
               control_debit AS ControlDebit, control_credit AS ControlCredit
        FROM run_files WHERE run_id = @run
        """;

    // The staged lines' records are counted by StagedLines, in its one pass over the run's largest table.
    public const string RowsPerFile =
        """
        SELECT 'unmapped' AS Kind, source_file AS SourceFile,
        COUNT(*) AS Records FROM unmapped_lines WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'rejected', source_file, COUNT(*) FROM rejected_lines WHERE run_id = @run AND part = 1 GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM legacy_balance WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM budget_articles WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM commitments WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM third_parties WHERE run_id = @run GROUP BY source_file
        """;

    public const string BalanceFileTotals =
        """
        SELECT source_file AS SourceFile, SUM(opening_debit + movement_debit) AS Debit, SUM(opening_credit + movement_credit) AS Credit
        FROM legacy_balance WHERE run_id = @run GROUP BY source_file
        """;

    // One pass over the run's largest table gives the staged side of every check: per source file and ledger key, the
    // source amounts and records (part 1 exists once for every staged source record, so each counts once, splits
    // aside), and per target account what the lines staged there add up to.
    public const string StagedLines =
        """
        SELECT source_file AS SourceFile, fiscal_year AS FiscalYear, journal AS Journal, account AS Account, article AS Article,
               target_account AS TargetAccount,
               SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END) AS SourceDebit,
               SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END) AS SourceCredit,
               SUM(CASE WHEN part = 1 THEN 1 ELSE 0 END) AS SourceRecords, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM staged_lines WHERE run_id = @run
        GROUP BY source_file, fiscal_year, journal, account, article, target_account
        """;

    // The staged lines one by one, for the pass that sums them in our process on SQLite (StagedLinesPass): the columns of
    // StagedLines and of the documents' balance, in the order the lines were staged.
    public const string StagedLineRows =
        """
        SELECT source_file, fiscal_year, journal, account, article, target_account, part, source_debit, source_credit, debit, credit,
               document
        FROM staged_lines WHERE run_id = @run
        """;

    /// <summary><see cref="StagedLineRows"/> of the rowids from <c>@from</c> to <c>@to</c> (SQLite: a part of a run read alone).</summary>
    public const string StagedLineRowsBetween = StagedLineRows + " AND rowid BETWEEN @from AND @to";

    public const string Unmapped =
        """
        SELECT source_file AS SourceFile, fiscal_year AS FiscalYear, journal AS Journal, account AS Account, article AS Article,
               COUNT(*) AS Records, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM unmapped_lines WHERE run_id = @run
        GROUP BY source_file, fiscal_year, journal, account, article
        """;

    // How many documents' staged lines do not balance: one sum per document, the cheapest test. Nearly always none, and
    // then UnbalancedDocuments, which sums both sides and meets the unmapped lines, does not run at all.
    public const string UnbalancedDocumentCount =
        """
        SELECT COUNT(*) FROM (SELECT 1 AS unbalanced FROM staged_lines WHERE run_id = @run
                              GROUP BY fiscal_year, journal, document
                              HAVING SUM(debit - credit) <> 0) d
        """;

    // Only the documents whose staged lines do not balance come back, whatever the size of the ledger. The balance test
    // needs the staged lines alone, so they are grouped first and only the few unbalanced documents meet their unmapped
    // lines: no union of both tables sorted as one (an on-disk sort of every line of a large run).
    public const string UnbalancedDocuments =
        """
        SELECT s.fiscal_year AS FiscalYear, s.journal AS Journal, s.document AS Document, s.sd AS StagedDebit, s.sc AS StagedCredit,
               COALESCE(u.ud, 0) AS UnmappedDebit, COALESCE(u.uc, 0) AS UnmappedCredit
        FROM (SELECT fiscal_year, journal, document, SUM(debit) AS sd, SUM(credit) AS sc FROM staged_lines WHERE run_id = @run
              GROUP BY fiscal_year, journal, document
              HAVING SUM(debit) <> SUM(credit)) s
        LEFT JOIN (SELECT fiscal_year, journal, document, SUM(debit) AS ud, SUM(credit) AS uc FROM unmapped_lines WHERE run_id = @run
                   GROUP BY fiscal_year, journal, document) u
            ON u.fiscal_year = s.fiscal_year AND u.journal = s.journal AND u.document = s.document
        ORDER BY s.fiscal_year, s.journal, s.document
        """;

    public const string Rejected =
        """
        SELECT source_file AS SourceFile, line AS Line, column_name AS ColumnName, reason AS Reason, message AS Message, raw_text AS RawText
        FROM rejected_lines WHERE run_id = @run ORDER BY source_file, record, part
        """;

    public const string Balance =
        """
        SELECT account AS Account, label AS Label, opening_debit AS OpeningDebit, opening_credit AS OpeningCredit,
               movement_debit AS MovementDebit, movement_credit AS MovementCredit,
                   closing_debit AS ClosingDebit, closing_credit AS ClosingCredit
        FROM legacy_balance WHERE run_id = @run ORDER BY account
        """;

    public const string Articles =
        """
        SELECT article AS Article, label AS Label, kind AS Kind, committed AS Committed, charged AS Charged
        FROM budget_articles WHERE run_id = @run ORDER BY article
        """;

    public const string Commitments =
        "SELECT article AS Article, SUM(committed) AS Committed, SUM(charged) AS Charged FROM commitments WHERE run_id = @run GROUP BY "
            + "article";

    public const string ThirdPartyFiles = "SELECT DISTINCT source_file FROM third_parties WHERE run_id = @run";

    // What masking personal data in free text needs of each third party of the run.
    public const string ThirdParties =
        "SELECT name AS Name, enterprise_number AS EnterpriseNumber, iban AS Iban, kind AS Kind FROM third_parties WHERE run_id = @run";

    /// <summary>A <see cref="Run"/> row; timestamps and dates as the provider returns them (text on SQLite).</summary>
    internal sealed class RunRow
    {
        public string RunId { get; init; } = "";

        public string Entity { get; init; } = "";

        public string EntityType { get; init; } = "";

        public string InsCode { get; init; } = "";

        public int FiscalYear { get; init; }

        public string Status { get; init; } = "";

        public string MappingId { get; init; } = "";

        public string MappingVersion { get; init; } = "";

        public string MappingSha256 { get; init; } = "";

        public object? StartedUtc { get; init; }

        public object? FinishedUtc { get; init; }

        public string StartedBy { get; init; } = "";

        public string ToolVersion { get; init; } = "";

        public string? Fingerprint { get; init; }

        public string? ApprovedBy { get; init; }

        public object? ApprovedOn { get; init; }

        public long? ToleratedUnmappedLines { get; init; }

        public Amount? ToleratedUnmappedEuros { get; init; }

        public long? ToleratedRejectedLines { get; init; }
    }

    internal sealed class FileRow
    {
        public string SourceFile { get; init; } = "";

        public string Sha256 { get; init; } = "";

        public long LinesRead { get; init; }

        public long? ControlLines { get; init; }

        public Amount? ControlDebit { get; init; }

        public Amount? ControlCredit { get; init; }
    }

    internal sealed class FileCount
    {
        public string Kind { get; init; } = "";

        public string SourceFile { get; init; } = "";

        public long Records { get; init; }
    }

    internal sealed class FileTotals : SummedRow
    {
        public string SourceFile { get; init; } = "";
    }

    /// <summary>The ledger grain of <see cref="StagedLines"/> and <see cref="Unmapped"/>; an empty article is none.</summary>
    internal class LedgerGroup : SummedRow
    {
        public string SourceFile { get; init; } = "";

        public int FiscalYear { get; init; }

        public string Journal { get; init; } = "";

        public string Account { get; init; } = "";

        public string? Article { get; init; }

        public LedgerKey Key => new(FiscalYear, Journal, Account, Article is { Length: > 0 } ? Article : null);
    }

    internal sealed class StagedGroup : LedgerGroup
    {
        public string TargetAccount { get; init; } = "";

        public Amount SourceDebit { get; init; }

        public Amount SourceCredit { get; init; }

        public long SourceRecords { get; init; }

        public DebitCredit Source => new(SourceDebit.Value, SourceCredit.Value);
    }

    internal sealed class UnmappedGroupRow : LedgerGroup
    {
        public long Records { get; init; }
    }

    internal sealed class UnbalancedDocument
    {
        public int FiscalYear { get; init; }

        public string Journal { get; init; } = "";

        public string Document { get; init; } = "";

        public Amount StagedDebit { get; init; }

        public Amount StagedCredit { get; init; }

        public Amount UnmappedDebit { get; init; }

        public Amount UnmappedCredit { get; init; }
    }

    internal sealed class RejectedLine
    {
        public string SourceFile { get; init; } = "";

        public long Line { get; init; }

        public string? ColumnName { get; init; }

        public string Reason { get; init; } = "";

        public string Message { get; init; } = "";

        public string RawText { get; init; } = "";
    }

    internal sealed class BalanceRow
    {
        public string Account { get; init; } = "";

        public string Label { get; init; } = "";

        public Amount OpeningDebit { get; init; }

        public Amount OpeningCredit { get; init; }

        public Amount MovementDebit { get; init; }

        public Amount MovementCredit { get; init; }

        public Amount ClosingDebit { get; init; }

        public Amount ClosingCredit { get; init; }
    }

    internal sealed class ArticleRow
    {
        public string Article { get; init; } = "";

        public string Label { get; init; } = "";

        public string Kind { get; init; } = "";

        public Amount Committed { get; init; }

        public Amount Charged { get; init; }
    }

    internal sealed class ThirdPartyRow
    {
        public string Name { get; init; } = "";

        public string? EnterpriseNumber { get; init; }

        public string? Iban { get; init; }

        public string Kind { get; init; } = "";
    }
}
