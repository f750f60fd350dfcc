using Bascule.Extract.Values;
using Bascule.Load.Runs;

namespace Bascule.Reconcile.Model;

/// <summary>
/// Check 10 for two consecutive fiscal years of one entity: whether year <see cref="EarlierYear"/> closes where
/// <see cref="LaterYear"/> opens, per legacy account and per new account. Unchecked (<see cref="IsChecked"/> false)
/// while either year has no published run; <see cref="Unchecked"/> then says which.
/// </summary>
public sealed record ContinuityPair(int EarlierYear, PairRun? Earlier, PairRun? Later, IReadOnlyList<ContinuityRow> Rows)
{
    public int LaterYear => EarlierYear + 1;

    public bool IsChecked => Earlier is not null && Later is not null;

    /// <summary>The held runs of a year that has no published run: named when the pair is left unchecked.</summary>
    public IReadOnlyList<string> HeldInMissingYear { get; init; } = [];

    /// <summary>The earlier year's result (classes 6 and 7, debit − credit), per side: what its allocation carries forward.</summary>
    public decimal LegacyResult { get; init; }

    public decimal NewResult { get; init; }

    /// <summary>OK when every account agrees (the result's allocation aside), FAILED otherwise; null when unchecked.</summary>
    public Verdict? Status => IsChecked ? (Rows.Any(r => r.Nature == ContinuityNature.Differs) ? Verdict.Failed : Verdict.Ok) : null;

    public string Key => $"{EarlierYear}-{LaterYear}";

    /// <summary>The years without a published run, when the pair is unchecked.</summary>
    public IEnumerable<int> MissingYears => (Earlier is null ? [EarlierYear] : Array.Empty<int>()).Concat(Later is null ? [LaterYear] : []);

    public IEnumerable<ContinuityRow> Differing => Rows.Where(r => r.Nature == ContinuityNature.Differs);

    public ContinuityRow? Allocation(ContinuitySide side)
        => Rows.SingleOrDefault(r => r.Side == side && r.Nature == ContinuityNature.ResultAllocation);
}

/// <summary>A run that stands for its year in a continuity pair: the published run, or the run being reconciled.</summary>
public sealed record PairRun(RunId RunId, FiscalYear FiscalYear, RunStatus Status, string MappingVersion, string? Fingerprint);

/// <summary>Which books a continuity row is about: the legacy accounts as exported, or the new accounts after mapping.</summary>
public enum ContinuitySide
{
    Legacy,
    New,
}

public enum ContinuityNature
{
    /// <summary>The opening of the later year is the closing of the earlier one (zero for a result account).</summary>
    Agrees,

    /// <summary>The one class-1 account whose opening differs from its closing by exactly the earlier year's result.</summary>
    ResultAllocation,

    /// <summary>Any other difference: the pair is FAILED.</summary>
    Differs,
}

/// <summary>
/// One account of a continuity pair. Balances are net, debit − credit. <see cref="Expected"/> is what the later year
/// should open with: the earlier closing for a balance-sheet account (classes 0 to 5), zero for a result account.
/// </summary>
public sealed record ContinuityRow(
    ContinuitySide Side,
    string Account,
    decimal Closing,
    decimal Expected,
    decimal Opening,
    ContinuityNature Nature)
{
    public decimal Difference => Opening - Expected;
}
