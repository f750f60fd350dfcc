namespace Bascule.Reconcile.Model;

/// <summary>What a comparison of a check is about, in the terms its sentence for readers needs.</summary>
public enum TopicKind
{
    FileNotRecorded,
    FileLinesAccounted,
    FileControlLines,
    FileHash,
    FileControlTotal,
    AmountsTotal,
    AmountsJournal,
    StagedBalance,
    UnbalancedDocuments,
    LegacyAccountsDiffering,
    LegacyAccount,
    TargetAccounts,
    TrialBalanceDiffering,
    TrialBalanceAccount,
    BudgetDiffering,
    UnmappedLines,
    UnmappedAmount,
    RejectedLines,
    ContinuityDiffering,
    ContinuityAccount,
    ContinuityResultAllocation,

    // A cut-over package's comparisons (its checks 1 to 3).
    CutoverOpeningDebitCredit,
    CutoverOpeningLegacyClosing,
    CutoverOpeningResultClosed,
    CutoverOpeningAccountsDiffering,
    CutoverOpeningLedgerClosing,
    CutoverOpeningAccountMapped,
    CutoverOpenItemsAccount,
    CutoverOpenItemsControlAccount,
    CutoverOpenItemsWithoutThirdParty,
    CutoverCommitmentsTotal,
    CutoverCommitmentsArticle,
    CutoverCommitmentsOverCharged,
    CutoverCommitmentsWithoutNewArticle,
    CutoverCommitmentsSeveralNewArticles,
}

/// <summary>The side of the books a comparison is about.</summary>
public enum BookSide
{
    Debit,
    Credit,
}

/// <summary>
/// A comparison described for people: what is compared (<paramref name="Kind"/>) and where (a file, a fiscal year and
/// journal, an account, a side, a pair of years). The reports make their French and Dutch sentence from it
/// (<c>ReportTexts.Difference</c>); the technical name stays for the JSON and the console.
/// </summary>
public sealed record CheckTopic(TopicKind Kind)
{
    public string? File { get; init; }

    public int? Year { get; init; }

    public string? Journal { get; init; }

    public string? Account { get; init; }

    /// <summary>A legacy budget article (the cut-over's open commitments per article).</summary>
    public string? Article { get; init; }

    public BookSide? Side { get; init; }

    /// <summary>Check 10: the pair of years (<c>2022 → 2023</c>) and whether the legacy or the new accounts are compared.</summary>
    public string? Pair { get; init; }

    public bool? NewAccounts { get; init; }
}
