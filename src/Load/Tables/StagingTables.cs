namespace Bascule.Load.Tables;

/// <summary>Every table that receives a run's rows, in the fixed order the fingerprint reads them.</summary>
public static class StagingTables
{
    public static IReadOnlyList<StagingTable> All { get; } =
    [
        StagedLinesTable.Instance,
        UnmappedLinesTable.Instance,
        RejectedLinesTable.Instance,
        LegacyBalanceTable.Instance,
        BudgetArticlesTable.Instance,
        CommitmentsTable.Instance,
        ThirdPartiesTable.Instance,
    ];
}
