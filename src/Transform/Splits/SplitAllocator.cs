using Bascule.Extract.Values;

namespace Bascule.Transform.Splits;

/// <summary>
/// Splits an amount over parts by percentage so that the parts sum back to the exact cent: each part gets its
/// share rounded down, then the cents left over go one by one to the largest remainders, ties to the part listed
/// first. A negative amount is split as its absolute value, then signed, so a correction splits like the original.
/// </summary>
public static class SplitAllocator
{
    public static Amount[] Split(Amount amount, IReadOnlyList<decimal> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var total = shares.Sum();
        var cents = Math.Abs(amount.Cents);
        var parts = new long[shares.Count];
        var remainders = new decimal[shares.Count];
        long given = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            var exact = cents * shares[i] / total;
            parts[i] = (long)decimal.Floor(exact);
            remainders[i] = exact - parts[i];
            given += parts[i];
        }

        var order = Enumerable.Range(0, shares.Count).OrderByDescending(i => remainders[i]).ThenBy(i => i).ToArray();
        for (var k = 0; given < cents; k++, given++)
        {
            parts[order[k]]++;
        }

        var sign = amount.IsNegative ? -1 : 1;
        return parts.Select(p => Amount.FromCents(sign * p)).ToArray();
    }
}
