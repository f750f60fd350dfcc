using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Load.Rows;

/// <summary>One budget commitment (<c>ENGAGEMENTS.csv</c>), as read.</summary>
public sealed record CommitmentRow(
    Lineage Lineage,
    FiscalYear Year,
    string Article,
    string Number,
    DateOnly? Date,
    string? ThirdParty,
    string Label,
    Amount Committed,
    Amount Charged);
