namespace Bascule.Reconcile.Model;

/// <summary>
/// A debit and a credit that belong together: summed at one grain (an account, a journal, a file), or one side of a
/// comparison (source, staged, unmapped). A row of figures holds named pairs of these, so that two of its amounts cannot
/// trade places unnoticed as positional decimals could.
/// </summary>
public readonly record struct DebitCredit(decimal Debit, decimal Credit)
{
    public decimal Net => Debit - Credit;

    public static DebitCredit operator +(DebitCredit a, DebitCredit b) => new(a.Debit + b.Debit, a.Credit + b.Credit);

    public static DebitCredit Sum(IEnumerable<DebitCredit> pairs) => pairs.Aggregate(default(DebitCredit), (a, b) => a + b);
}
