using Bascule.Extract.Values;
using Bascule.Transform.Splits;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Transform.Tests.Splits;

public sealed class SplitAllocatorTests
{
    [Fact]
    public void Leftover_cent_goes_to_the_largest_remainder()
    {
        var parts = SplitAllocator.Split(Amount.FromEuros(100.01m), [60m, 40m]);
        Assert.Equal([Amount.FromEuros(60.01m), Amount.FromEuros(40.00m)], parts);
    }

    [Fact]
    public void Tied_remainders_give_the_cent_to_the_part_listed_first()
    {
        Assert.Equal([Amount.FromEuros(0.01m), Amount.FromEuros(0.00m)], SplitAllocator.Split(Amount.FromEuros(0.01m), [50m, 50m]));
        Assert.Equal(
            [Amount.FromEuros(0.01m), Amount.FromEuros(0.01m), Amount.FromEuros(0.00m), Amount.FromEuros(0.00m)],
            SplitAllocator.Split(Amount.FromEuros(0.02m), [25m, 25m, 25m, 25m]));
    }

    [Fact]
    public void Negative_amount_is_split_as_its_absolute_value_then_signed()
    {
        Assert.Equal([Amount.FromEuros(-60.01m), Amount.FromEuros(-40.00m)], SplitAllocator.Split(Amount.FromEuros(-100.01m), [60m, 40m]));
    }

    [Property(MaxTest = 500)]
    public Property Parts_always_sum_to_the_exact_source_amount() =>
        Prop.ForAll(Amounts(), ShareLists(), (cents, shares) =>
        {
            var amount = Amount.FromCents(cents);
            var parts = SplitAllocator.Split(amount, shares);
            return parts.Aggregate(Amount.Zero, (a, b) => a + b) == amount;
        });

    [Property(MaxTest = 500)]
    public Property Each_part_is_within_a_cent_of_its_exact_share_and_signed_like_the_source() =>
        Prop.ForAll(Amounts(), ShareLists(), (cents, shares) =>
        {
            var parts = SplitAllocator.Split(Amount.FromCents(cents), shares);
            return parts.Select((p, i) => (p, exact: cents * shares[i] / 100m))
                .All(x => Math.Abs(x.p.Cents - x.exact) < 1m && (x.p.Cents == 0 || Math.Sign(x.p.Cents) == Math.Sign(cents)));
        });

    [Property(MaxTest = 40)]
    public Property Debit_and_credit_are_split_separately_and_each_sums_back() =>
        Prop.ForAll(Amounts(), Amounts(), (debit, credit) =>
        {
            var line = Ledger.Line("6150000", debit: debit / 100m, credit: credit / 100m);
            using var tree = MappingTree.Small();
            var targets = tree.Load().CreateMapper(EntityType.Commune, new FiscalYear(2022)).Map(line).Targets;
            return targets.Count == 2
                && targets.Sum(t => t.Debit.Cents) == debit
                && targets.Sum(t => t.Credit.Cents) == credit;
        });

    private static Arbitrary<long> Amounts() =>
        Gen.Choose(-1_000_000, 1_000_000).SelectMany(high => Gen.Choose(0, 99_999).Select(low => (long)high * 100_000 + low)).ToArbitrary();

    // Shares in hundredths of a percent that sum to exactly 100, like a valid split.
    private static Arbitrary<decimal[]> ShareLists() =>
        Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(Gen.Choose(1, 10_000), n)).Select(Normalise).ToArbitrary();

    private static decimal[] Normalise(int[] weights)
    {
        var total = weights.Sum();
        var shares = weights.Select(w => Math.Max(1, w * 10_000 / total)).ToArray();
        shares[^1] += 10_000 - shares.Sum();
        return shares[^1] <= 0 ? [100m] : shares.Select(s => s / 100m).ToArray();
    }
}
