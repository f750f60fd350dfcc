using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>
/// One general ledger journal line of <c>ECRITURES.csv</c>, parsed and validated. <see cref="RawText"/> is the record
/// exactly as it stands in the file (as decoded, quotes and inner line breaks included), kept so that every staged or
/// unmapped line can be shown as it was read; null for a line rebuilt from its stored fields.
/// </summary>
public sealed record LedgerLine(
    Lineage Lineage,
    FiscalYear Year,
    string Journal,
    string DocumentNumber,
    string LineNumber,
    DateOnly BookingDate,
    AccountCode Account,
    BudgetArticle? Article,
    Service Service,
    string? ThirdParty,
    string Label,
    Amount Debit,
    Amount Credit)
{
    public string? RawText { get; init; }
}
