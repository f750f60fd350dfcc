using Bascule.Extract.Values;

namespace Bascule.Extract.Records;

/// <summary>One account of the legacy trial balance <c>BALANCE.csv</c>: opening, movements and closing, each on both sides.</summary>
public sealed record BalanceLine(
    Lineage Lineage,
    FiscalYear Year,
    AccountCode Account,
    string Label,
    Amount OpeningDebit,
    Amount OpeningCredit,
    Amount MovementDebit,
    Amount MovementCredit,
    Amount ClosingDebit,
    Amount ClosingCredit);
