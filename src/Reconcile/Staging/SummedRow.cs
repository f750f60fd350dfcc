using Bascule.Extract.Values;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// A query row whose <c>Debit</c> and <c>Credit</c> columns are sums at the query's grain (per file, per account…); the
/// row types of the reconciliation's and the cut-over's queries that carry such a pair derive from it. A NULL sum reads as zero.
/// </summary>
internal class SummedRow
{
    public Amount Debit { get; init; }

    public Amount Credit { get; init; }

    public DebitCredit Amounts => new(Debit.Value, Credit.Value);
}
