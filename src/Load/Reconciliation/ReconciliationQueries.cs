using Bascule.Extract.Values;

namespace Bascule.Load.Reconciliation;

/// <summary>The SQL of the reconciliation: plain, parameterised by run, the same on every provider.</summary>
internal static class ReconciliationQueries
{
    public const string Files =
        "SELECT source_file, sha256, lines_read, control_lines, control_debit, control_credit FROM run_files WHERE run_id = @run";

    // Part 1 exists for every staged source record, so it counts records and source amounts once, splits aside.
    public const string StagedPerFile =
        "SELECT source_file, COUNT(*), SUM(source_debit), SUM(source_credit) FROM staged_lines WHERE run_id = @run AND part = 1 GROUP BY source_file";

    public const string UnmappedPerFile =
        "SELECT source_file, COUNT(*), SUM(debit), SUM(credit) FROM unmapped_lines WHERE run_id = @run GROUP BY source_file";

    public const string RejectedPerFile =
        "SELECT source_file, COUNT(*) FROM rejected_lines WHERE run_id = @run AND part = 1 GROUP BY source_file";

    public const string AsReadPerFile =
        """
        SELECT source_file, COUNT(*), SUM(opening_debit + movement_debit), SUM(opening_credit + movement_credit) FROM legacy_balance WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT source_file, COUNT(*), NULL, NULL FROM budget_articles WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT source_file, COUNT(*), NULL, NULL FROM commitments WHERE run_id = @run GROUP BY source_file
        UNION ALL SELECT source_file, COUNT(*), NULL, NULL FROM third_parties WHERE run_id = @run GROUP BY source_file
        """;

    public const string StagedTotals =
        "SELECT SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END), SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END), SUM(debit), SUM(credit) " +
        "FROM staged_lines WHERE run_id = @run";

    public const string UnmappedTotals = "SELECT COUNT(*), SUM(debit), SUM(credit) FROM unmapped_lines WHERE run_id = @run";

    public const string PerJournal =
        "SELECT journal, SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END), SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END), SUM(debit), SUM(credit) " +
        "FROM staged_lines WHERE run_id = @run GROUP BY journal";

    public const string PerLegacyAccount =
        "SELECT account, SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END), SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END), SUM(debit), SUM(credit) " +
        "FROM staged_lines WHERE run_id = @run GROUP BY account";

    public const string UnbalancedDocuments =
        "SELECT COUNT(*) FROM (SELECT journal, document FROM staged_lines WHERE run_id = @run GROUP BY journal, document HAVING SUM(debit) <> SUM(credit)) d";

    public const string TargetAccounts =
        "SELECT target_account, SUM(debit), SUM(credit) FROM staged_lines WHERE run_id = @run GROUP BY target_account";

    // The ledger side of the trial balance: every accepted line (mapped or not), opening journal apart.
    public const string LedgerPerAccount =
        $"""
        SELECT account, CASE WHEN journal = '{OpeningJournal}' THEN 1 ELSE 0 END, SUM(debit), SUM(credit) FROM (
            SELECT account, journal, source_debit AS debit, source_credit AS credit FROM staged_lines WHERE run_id = @run AND part = 1
            UNION ALL SELECT account, journal, debit, credit FROM unmapped_lines WHERE run_id = @run) l
        GROUP BY account, CASE WHEN journal = '{OpeningJournal}' THEN 1 ELSE 0 END
        """;

    public const string BalancePerAccount =
        "SELECT account, opening_debit, opening_credit, movement_debit, movement_credit, closing_debit, closing_credit FROM legacy_balance WHERE run_id = @run";

    public const string OpeningJournal = "OUV";

    public static decimal Money(Amount amount) => amount.Value + 0.00m;
}
