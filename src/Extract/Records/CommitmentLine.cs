using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>One budget commitment ("engagement") of <c>ENGAGEMENTS.csv</c>.</summary>
public sealed record CommitmentLine(
    Lineage Lineage,
    FiscalYear Year,
    BudgetArticle Article,
    string CommitmentNumber,
    DateOnly Date,
    string? ThirdParty,
    string Label,
    Amount Committed,
    Amount Charged);
