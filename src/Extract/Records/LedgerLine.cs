using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>One general ledger journal line of <c>ECRITURES.csv</c>, parsed and validated.</summary>
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
    Amount Credit);
