using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Load.Rows;

/// <summary>One account of the legacy trial balance (<c>BALANCE.csv</c>), as read.</summary>
public sealed record LegacyBalanceRow(
    Lineage Lineage,
    FiscalYear Year,
    string Account,
    string Label,
    Amount OpeningDebit,
    Amount OpeningCredit,
    Amount MovementDebit,
    Amount MovementCredit,
    Amount ClosingDebit,
    Amount ClosingCredit);
