using Bascule.Extract.Values;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Cutover.Data;

/// <summary>
/// The cut-over's SQL: plain, parameterised by run id, the same on SQLite, PostgreSQL and SQL Server. Each query names
/// its columns and its row type beside it reads them by those names.
/// </summary>
internal static class CutoverQueries
{
    public const string Flows =
        """
        SELECT account AS Account, target_account AS TargetAccount, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM staged_lines WHERE run_id = @run
        GROUP BY account, target_account
        """;

    public const string LegacyBalance =
        "SELECT account AS Account, label AS Label, closing_debit AS Debit, closing_credit AS Credit FROM legacy_balance WHERE run_id = "
            + "@run";

    // Part 1 exists once for every staged source record: source amounts counted once, splits aside.
    public const string LedgerSource =
        """
        SELECT 'staged' AS Kind, account AS Account, COUNT(*) AS Records, SUM(source_debit) AS Debit,
        SUM(source_credit) AS Credit FROM staged_lines WHERE run_id = @run AND part = 1 GROUP BY account
        UNION ALL SELECT 'unmapped', account, COUNT(*), SUM(debit), SUM(credit) FROM unmapped_lines WHERE run_id = @run GROUP BY account
        """;

    // The control accounts of the legacy plan (receivables 40, 41; payables 44, 45): those whose open items are carried per third party.
    public static readonly string ThirdPartyDocuments =
        $"""
        SELECT target_account AS TargetAccount, account AS Account, third_party AS ThirdParty, journal AS Journal, document AS Document,
               MIN(booking_date) AS BookingDate, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM staged_lines
        WHERE run_id = @run AND {ControlAccounts.SqlCondition("account")}
        GROUP BY target_account, account, third_party, journal, document
        """;

    public const string ThirdPartyNames = "SELECT code AS Code, name AS Name FROM third_parties WHERE run_id = @run";

    public const string Commitments =
        """
        SELECT fiscal_year AS FiscalYear, article AS Article, commitment_number AS CommitmentNumber, commitment_date AS CommitmentDate,
               third_party AS ThirdParty, label AS Label, committed AS Committed, charged AS Charged
        FROM commitments WHERE run_id = @run ORDER BY record
        """;

    // ARTICLES.csv as loaded: an article appears once per year; summed in case an export repeats it.
    public const string BudgetArticles =
        """
        SELECT article AS Article, MIN(label) AS Label, MIN(kind) AS Kind, SUM(committed) AS Committed, SUM(charged) AS Charged
        FROM budget_articles WHERE run_id = @run GROUP BY article
        """;

    public const string ArticleTargets =
        """
        SELECT article AS Article, target_economic AS TargetEconomic, target_function AS TargetFunction, SUM(debit) AS Debit,
        SUM(credit) AS Credit
        FROM staged_lines WHERE run_id = @run AND article IS NOT NULL AND target_economic IS NOT NULL
        GROUP BY article, target_economic, target_function
        """;

    internal sealed class FlowRow : SummedRow
    {
        public string Account { get; init; } = "";

        public string TargetAccount { get; init; } = "";
    }

    internal sealed class ClosingRow : SummedRow
    {
        public string Account { get; init; } = "";

        public string Label { get; init; } = "";
    }

    internal sealed class LedgerSourceRow : SummedRow
    {
        public string Kind { get; init; } = "";

        public string Account { get; init; } = "";

        public long Records { get; init; }
    }

    /// <summary>The booking date is text on SQLite, a date elsewhere.</summary>
    internal sealed class DocumentRow : SummedRow
    {
        public string TargetAccount { get; init; } = "";

        public string Account { get; init; } = "";

        public string? ThirdParty { get; init; }

        public string Journal { get; init; } = "";

        public string Document { get; init; } = "";

        public object? BookingDate { get; init; }
    }

    internal sealed class ThirdPartyNameRow
    {
        public string Code { get; init; } = "";

        public string Name { get; init; } = "";
    }

    internal sealed class CommitmentRow
    {
        public int FiscalYear { get; init; }

        public string Article { get; init; } = "";

        public string CommitmentNumber { get; init; } = "";

        public object? CommitmentDate { get; init; }

        public string? ThirdParty { get; init; }

        public string Label { get; init; } = "";

        public Amount Committed { get; init; }

        public Amount Charged { get; init; }
    }

    internal sealed class BudgetArticleRow
    {
        public string Article { get; init; } = "";

        public string Label { get; init; } = "";

        public string Kind { get; init; } = "";

        public Amount Committed { get; init; }

        public Amount Charged { get; init; }
    }

    internal sealed class ArticleTargetRow : SummedRow
    {
        public string Article { get; init; } = "";

        public string TargetEconomic { get; init; } = "";

        public string? TargetFunction { get; init; }
    }
}
