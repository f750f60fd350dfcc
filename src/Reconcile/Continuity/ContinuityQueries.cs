using Bascule.Extract.Values;
using Bascule.Load.Runs;

namespace Bascule.Reconcile.Continuity;

/// <summary>Check 10's SQL: the entity's runs of the neighbouring years, and another run's balances per account, each read by column
/// name.</summary>
internal static class ContinuityQueries
{
    // The published and held runs of the years around a run, for the same entity: the published one stands for its year.
    public const string Neighbours =
        """
        SELECT run_id AS RunId, fiscal_year AS FiscalYear, status AS Status, mapping_version AS MappingVersion, fingerprint AS Fingerprint
        FROM runs
        WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year IN (@before, @after) AND run_id <> @run
          AND status IN ('published', 'held')
        ORDER BY fiscal_year, started_utc
        """;

    // Part 1 exists once per staged source record: its source amounts count each legacy line once, splits aside. With
    // @openingOnly = 1, the later year of a pair is read by its opening alone: its OUV lines, far fewer to group.
    public const string StagedBalances =
        """
        SELECT journal AS Journal, account AS Account, target_account AS TargetAccount,
               SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END) AS SourceDebit,
               SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END) AS SourceCredit,
               SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM staged_lines WHERE run_id = @run AND (@openingOnly = 0 OR journal = 'OUV')
        GROUP BY journal, account, target_account
        """;

    public const string UnmappedBalances =
        """
        SELECT journal AS Journal, account AS Account, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM unmapped_lines WHERE run_id = @run AND (@openingOnly = 0 OR journal = 'OUV') GROUP BY journal, account
        """;

    internal sealed class NeighbourRow
    {
        public RunId RunId { get; init; }

        public int FiscalYear { get; init; }

        public string Status { get; init; } = "";

        public string MappingVersion { get; init; } = "";

        public string? Fingerprint { get; init; }
    }

    /// <summary>An account's lines in one journal, net of debit and credit; staged rows also say their new account and source
    /// amounts.</summary>
    internal class BalanceRow
    {
        public string Journal { get; init; } = "";

        public string Account { get; init; } = "";

        public Amount Debit { get; init; }

        public Amount Credit { get; init; }

        public decimal Net => Debit.Value - Credit.Value;
    }

    internal sealed class StagedBalanceRow : BalanceRow
    {
        public string TargetAccount { get; init; } = "";

        public Amount SourceDebit { get; init; }

        public Amount SourceCredit { get; init; }

        public decimal SourceNet => SourceDebit.Value - SourceCredit.Value;
    }
}
