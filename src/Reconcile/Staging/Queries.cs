namespace Bascule.Reconcile.Staging;

/// <summary>
/// The reconciliation's SQL: plain, parameterised by run id, the same on SQLite, PostgreSQL and SQL Server. It reads the
/// run's rows whatever its status (loading, published, superseded), so a run can be reconciled before it is published.
/// </summary>
internal static class Queries
{
    public const string Run =
        """
        SELECT run_id, entity_name, entity_type, ins_code, fiscal_year, status, mapping_id, mapping_version, mapping_sha256,
               started_utc, finished_utc, started_by, tool_version, fingerprint,
               mapping_approved_by, mapping_approved_on, tolerance_unmapped_lines, tolerance_unmapped_euros, tolerance_rejected_lines
        FROM runs WHERE run_id = @run
        """;

    public const string Files =
        "SELECT source_file, sha256, lines_read, control_lines, control_debit, control_credit FROM run_files WHERE run_id = @run";

    // The staged lines' records are counted by StagedLines, in its one pass over the run's largest table.
    public const string RowsPerFile =
        """
        SELECT 'unmapped', source_file, COUNT(*) FROM unmapped_lines WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'rejected', source_file, COUNT(*) FROM rejected_lines WHERE run_id = @run AND part = 1 GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM legacy_balance WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM budget_articles WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM commitments WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT 'staged', source_file, COUNT(*) FROM third_parties WHERE run_id = @run GROUP BY source_file
        """;

    public const string BalanceFileTotals =
        "SELECT source_file, SUM(opening_debit + movement_debit), SUM(opening_credit + movement_credit) FROM legacy_balance WHERE run_id = @run GROUP BY source_file";

    // One pass over the run's largest table gives the staged side of every check: per source file and ledger key, the
    // source amounts and records (part 1 exists once for every staged source record, so each counts once, splits
    // aside), and per target account what the lines staged there add up to.
    public const string StagedLines =
        """
        SELECT source_file, fiscal_year, journal, account, article, target_account,
               SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END), SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END),
               SUM(CASE WHEN part = 1 THEN 1 ELSE 0 END), SUM(debit), SUM(credit)
        FROM staged_lines WHERE run_id = @run
        GROUP BY source_file, fiscal_year, journal, account, article, target_account
        """;

    public const string Unmapped =
        """
        SELECT source_file, fiscal_year, journal, account, article, COUNT(*), SUM(debit), SUM(credit)
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
        SELECT s.fiscal_year, s.journal, s.document, s.sd, s.sc, COALESCE(u.ud, 0), COALESCE(u.uc, 0)
        FROM (SELECT fiscal_year, journal, document, SUM(debit) AS sd, SUM(credit) AS sc FROM staged_lines WHERE run_id = @run
              GROUP BY fiscal_year, journal, document
              HAVING SUM(debit) <> SUM(credit)) s
        LEFT JOIN (SELECT fiscal_year, journal, document, SUM(debit) AS ud, SUM(credit) AS uc FROM unmapped_lines WHERE run_id = @run
                   GROUP BY fiscal_year, journal, document) u
            ON u.fiscal_year = s.fiscal_year AND u.journal = s.journal AND u.document = s.document
        ORDER BY s.fiscal_year, s.journal, s.document
        """;

    public const string Rejected =
        "SELECT source_file, line, column_name, reason, message, raw_text FROM rejected_lines WHERE run_id = @run ORDER BY source_file, record, part";

    public const string Balance =
        """
        SELECT account, label, opening_debit, opening_credit, movement_debit, movement_credit, closing_debit, closing_credit
        FROM legacy_balance WHERE run_id = @run ORDER BY account
        """;

    public const string Articles =
        "SELECT article, label, kind, committed, charged FROM budget_articles WHERE run_id = @run ORDER BY article";

    public const string Commitments =
        "SELECT article, SUM(committed), SUM(charged) FROM commitments WHERE run_id = @run GROUP BY article";

    public const string ThirdPartyFiles = "SELECT DISTINCT source_file FROM third_parties WHERE run_id = @run";

    // What masking personal data in free text needs of each third party of the run.
    public const string ThirdParties = "SELECT name, enterprise_number, iban, kind FROM third_parties WHERE run_id = @run";
}
