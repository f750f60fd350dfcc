using System.Text.Json.Serialization;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Reports.Json;

/// <summary>
/// Check 10 in JSON (<c>continuity</c>), as the reconciliation and the history write it: per pair of years its state
/// (<c>OK</c>, <c>FAILED</c>, <c>UNCHECKED</c>), both runs, then for a checked pair the earlier year's result and its
/// allocation per side with the accounts that do not agree, for an unchecked one the missing years and the held runs
/// in them; last the sentences people read.
/// </summary>
public sealed record ContinuityDocument(
    int EarlierYear,
    int LaterYear,
    string Status,
    PairRunDocument? EarlierRun,
    PairRunDocument? LaterRun,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ContinuitySideDocument? LegacyAccounts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ContinuitySideDocument? NewAccounts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? MissingYears,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? HeldRuns,
    string Fr,
    string Nl)
{
    public static IReadOnlyList<ContinuityDocument> From(IReadOnlyList<ContinuityPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return pairs.Select(From).ToList();
    }

    private static ContinuityDocument From(ContinuityPair pair)
    {
        var isChecked = pair.IsChecked;
        return new(
            pair.EarlierYear,
            pair.LaterYear,
            ContinuityText.StatusCode(pair),
            PairRunDocument.From(pair.Earlier),
            PairRunDocument.From(pair.Later),
            isChecked ? ContinuitySideDocument.From(pair, ContinuitySide.Legacy, pair.LegacyResult) : null,
            isChecked ? ContinuitySideDocument.From(pair, ContinuitySide.New, pair.NewResult) : null,
            isChecked ? null : pair.MissingYears.ToList(),
            isChecked ? null : pair.HeldInMissingYear,
            ContinuityText.French(pair),
            ContinuityText.Dutch(pair));
    }
}

public sealed record PairRunDocument(string RunId, int FiscalYear, string Status, string MappingVersion, string? Fingerprint)
{
    public static PairRunDocument? From(PairRun? run) =>
        run is null ? null : new(run.RunId.Value, run.FiscalYear.Value, run.Status.ToCode(), run.MappingVersion, run.Fingerprint);
}

/// <summary>One side of a checked pair: how many accounts, the earlier year's result, the account it went to (null: none found), and the
/// accounts that differ.</summary>
public sealed record ContinuitySideDocument(
    int Accounts,
    decimal Result,
    ResultAllocationDocument? ResultAllocation,
    IReadOnlyList<ContinuityDifferenceDocument> Differences)
{
    public static ContinuitySideDocument From(ContinuityPair pair, ContinuitySide side, decimal result)
    {
        var rows = pair.Rows.Where(r => r.Side == side).ToList();
        return new(
            rows.Count,
            result,
            pair.Allocation(side) is { } allocation ? new ResultAllocationDocument(allocation.Account, allocation.Difference) : null,
            rows.Where(r => r.Nature == ContinuityNature.Differs)
                .Select(r => new ContinuityDifferenceDocument(r.Account, r.Closing, r.Expected, r.Opening, r.Difference))
                .ToList());
    }
}

public sealed record ResultAllocationDocument(string Account, decimal Amount);

public sealed record ContinuityDifferenceDocument(
    string Account,
    decimal Closing,
    decimal ExpectedOpening,
    decimal Opening,
    decimal Difference);
