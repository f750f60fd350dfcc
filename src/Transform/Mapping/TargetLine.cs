using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Transform.Mapping;

/// <summary>
/// One line in the new structure, produced from one source ledger line by one rule (or one part of a split rule).
/// <paramref name="Part"/> is the 1-based part index within a split (1 for an unsplit rule).
/// </summary>
public sealed record TargetLine(
    LedgerLine Source,
    string RuleId,
    int Part,
    string Account,
    string? Economic,
    string? Function,
    Amount Debit,
    Amount Credit);
