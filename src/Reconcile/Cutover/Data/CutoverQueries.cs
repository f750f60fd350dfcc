namespace Bascule.Reconcile.Cutover.Data;

/// <summary>The cut-over's SQL: plain, parameterised by run id, the same on SQLite, PostgreSQL and SQL Server.</summary>
internal static class CutoverQueries
{
    public const string Flows =
        """
        SELECT account, target_account, SUM(debit), SUM(credit)
        FROM staged_lines WHERE run_id = @run
        GROUP BY account, target_account
        """;

    public const string LegacyBalance =
        "SELECT account, label, closing_debit, closing_credit FROM legacy_balance WHERE run_id = @run";

    // Part 1 exists once for every staged source record: source amounts counted once, splits aside.
    public const string LedgerSource =
        """
        SELECT 'staged', account, COUNT(*), SUM(source_debit), SUM(source_credit) FROM staged_lines WHERE run_id = @run AND part = 1 GROUP BY account
        UNION ALL SELECT 'unmapped', account, COUNT(*), SUM(debit), SUM(credit) FROM unmapped_lines WHERE run_id = @run GROUP BY account
        """;

    // The control accounts of the legacy plan (receivables 40, 41; payables 44, 45): those whose open items are carried per third party.
    public static readonly string ThirdPartyDocuments =
        $"""
        SELECT target_account, account, third_party, journal, document, MIN(booking_date), SUM(debit), SUM(credit)
        FROM staged_lines
        WHERE run_id = @run AND {ControlAccounts.SqlCondition("account")}
        GROUP BY target_account, account, third_party, journal, document
        """;

    public const string ThirdPartyNames = "SELECT code, name FROM third_parties WHERE run_id = @run";

    public const string Commitments =
        """
        SELECT fiscal_year, article, commitment_number, commitment_date, third_party, label, committed, charged
        FROM commitments WHERE run_id = @run ORDER BY record
        """;

    // ARTICLES.csv as loaded: an article appears once per year; summed in case an export repeats it.
    public const string BudgetArticles =
        """
        SELECT article, MIN(label), MIN(kind), SUM(committed), SUM(charged)
        FROM budget_articles WHERE run_id = @run GROUP BY article
        """;

    public const string ArticleTargets =
        """
        SELECT article, target_economic, target_function, SUM(debit), SUM(credit)
        FROM staged_lines WHERE run_id = @run AND article IS NOT NULL AND target_economic IS NOT NULL
        GROUP BY article, target_economic, target_function
        """;
}
