namespace Bascule.Load.Runs;

/// <summary>
/// How many exceptions a run may have before its reconciliation is FAILED (and the run held): at most
/// <paramref name="UnmappedLines"/> unmapped lines, <paramref name="UnmappedEuros"/> euros unmapped on the debit side
/// and on the credit side, <paramref name="RejectedLines"/> rejected lines. Null is no limit: the exceptions are then a
/// WARNING, as without tolerances. Recorded with the run, so a regenerated report reaches the same verdict.
/// </summary>
public sealed record Tolerances(long? UnmappedLines, decimal? UnmappedEuros, long? RejectedLines)
{
    public static readonly Tolerances None = new(null, null, null);

    /// <summary>A limit below zero cannot be met by any run: refused where tolerances are read.</summary>
    public bool IsNegative => UnmappedLines < 0 || UnmappedEuros < 0 || RejectedLines < 0;

    public bool IsNone => UnmappedLines is null && UnmappedEuros is null && RejectedLines is null;

    /// <summary>These tolerances, each limit replaced by <paramref name="other"/>'s where it sets one (an entity's over the
    /// fleet's).</summary>
    public Tolerances OverriddenBy(Tolerances? other) => other is null
        ? this
        : new(other.UnmappedLines ?? UnmappedLines, other.UnmappedEuros ?? UnmappedEuros, other.RejectedLines ?? RejectedLines);
}
