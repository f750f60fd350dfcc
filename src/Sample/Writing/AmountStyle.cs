using Bascule.Extract.Values;

namespace Bascule.Sample.Writing;

/// <summary>
/// The mix of amount notations real exports contain: mostly <c>1234,56</c>, some grouped <c>1.234,56</c>, negatives
/// mostly <c>-12,50</c> and some <c>12,50-</c>; an unused debit or credit side is either empty or <c>0,00</c>.
/// </summary>
public static class AmountStyle
{
    public static string Format(long cents, SampleRandom random)
    {
        var grouping = cents is >= 100_000 or <= -100_000 && random.Chance(0.2);
        var trailingMinus = cents < 0 && random.Chance(0.25);
        return Amount.FromCents(cents).ToLegacy(grouping, trailingMinus);
    }

    /// <summary>The side of a ledger line that carries no amount.</summary>
    public static string Unused(SampleRandom random) => random.Chance(0.6) ? "" : "0,00";
}
