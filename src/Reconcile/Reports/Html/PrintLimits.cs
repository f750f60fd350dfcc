namespace Bascule.Reconcile.Reports.Html;

/// <summary>
/// How many rows of a long per-account table the printable report keeps (<paramref name="Rows"/>), and how many accounts on
/// the other side of the mapping each account's details list (<paramref name="Flows"/>): the first ones, in the table's
/// order, with a sentence saying how many were left out and where the whole table is. The summary, the checks and the
/// exceptions are never cut. Without limits (a page of <c>bascule serve</c>), every row is shown.
/// </summary>
public sealed record PrintLimits(int Rows, int Flows)
{
    /// <summary><c>reconciliation.html</c>: a few hundred pages at most, and memory that does not grow with the accounts.</summary>
    public static PrintLimits File { get; } = new(500, 25);
}
