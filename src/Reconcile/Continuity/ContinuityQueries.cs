namespace Bascule.Reconcile.Continuity;

/// <summary>Check 10's SQL: the entity's runs of the neighbouring years, and another run's balances per account.</summary>
internal static class ContinuityQueries
{
    // The published and held runs of the years around a run, for the same entity: the published one stands for its year.
    public const string Neighbours =
        """
        SELECT run_id, fiscal_year, status, mapping_version, fingerprint
        FROM runs
        WHERE ins_code = @insCode AND entity_type = @entityType AND fiscal_year IN (@before, @after) AND run_id <> @run
          AND status IN ('published', 'held')
        ORDER BY fiscal_year, started_utc
        """;

    // Part 1 exists once per staged source record: its source amounts count each legacy line once, splits aside. With
    // @openingOnly = 1, the later year of a pair is read by its opening alone: its OUV lines, far fewer to group.
    public const string StagedBalances =
        """
        SELECT journal, account, target_account,
               SUM(CASE WHEN part = 1 THEN source_debit ELSE 0 END), SUM(CASE WHEN part = 1 THEN source_credit ELSE 0 END),
               SUM(debit), SUM(credit)
        FROM staged_lines WHERE run_id = @run AND (@openingOnly = 0 OR journal = 'OUV')
        GROUP BY journal, account, target_account
        """;

    public const string UnmappedBalances =
        "SELECT journal, account, SUM(debit), SUM(credit) FROM unmapped_lines WHERE run_id = @run AND (@openingOnly = 0 OR journal = 'OUV') GROUP BY journal, account";
}
