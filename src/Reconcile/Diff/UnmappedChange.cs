namespace Bascule.Reconcile.Diff;

/// <summary>
/// The lines of one legacy account and article left unmapped in each run, where the two runs differ: lines a new
/// mapping now sends somewhere (<see cref="UnmappedMove.BecameMapped"/>), lines it no longer maps
/// (<see cref="UnmappedMove.BecameUnmapped"/>), or fewer or more of them (<see cref="UnmappedMove.Changed"/>).
/// <paramref name="Article"/> is null for lines without a budget article.
/// </summary>
public sealed record UnmappedChange(string Account, string? Article, UnmappedTotals A, UnmappedTotals B)
{
    public UnmappedMove Move => (A.Lines, B.Lines) switch
    {
        ( > 0, 0) => UnmappedMove.BecameMapped,
        (0, > 0) => UnmappedMove.BecameUnmapped,
        _ => UnmappedMove.Changed,
    };

    /// <summary>Euros unmapped in B minus those in A: negative when lines became mapped.</summary>
    public decimal DebitChange => B.Debit - A.Debit;

    public decimal CreditChange => B.Credit - A.Credit;

    public long LinesChange => B.Lines - A.Lines;
}

/// <summary>How many source lines were left unmapped, and their source amounts.</summary>
public readonly record struct UnmappedTotals(long Lines, decimal Debit, decimal Credit)
{
    public static UnmappedTotals operator +(UnmappedTotals a, UnmappedTotals b)
        => new(a.Lines + b.Lines, a.Debit + b.Debit, a.Credit + b.Credit);
}

/// <summary>Which way a legacy account and article moved between two runs.</summary>
public enum UnmappedMove
{
    BecameMapped,
    BecameUnmapped,
    Changed,
}
