using Bascule.Extract.Values;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class AmountTests
{
    [Theory]
    [InlineData("1.234,56", "1234.56")]
    [InlineData("1234,56", "1234.56")]
    [InlineData("-12,50", "-12.50")]
    [InlineData("12,50-", "-12.50")]
    [InlineData("", "0")]
    [InlineData("  ", "0")]
    [InlineData("0,5", "0.50")]
    [InlineData("7", "7")]
    [InlineData("1.000.000,00", "1000000.00")]
    [InlineData("123.456", "123456")]
    public void Legacy_notations_parse_exactly(string text, string expected)
    {
        Assert.True(Amount.TryParse(text, AmountNotation.Legacy, out var amount));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), amount.Value);
    }

    [Theory]
    [InlineData("12.50")]
    [InlineData("1,234")]
    [InlineData("1.23,45")]
    [InlineData("12.3456,00")]
    [InlineData(".123,00")]
    [InlineData("-12,50-")]
    [InlineData("--1")]
    [InlineData("1e5")]
    [InlineData("abc")]
    [InlineData("12,")]
    [InlineData(",5")]
    [InlineData("1 234,56")]
    [InlineData("9999999999999999,00")]
    public void Malformed_amounts_are_rejected(string text)
    {
        Assert.False(Amount.TryParse(text, AmountNotation.Legacy, out _));
    }

    [Property(MaxTest = 500)]
    public bool Every_legacy_notation_round_trips(long cents, bool grouping, bool trailingMinus)
    {
        cents %= 100_000_000_000_000L;
        var amount = Amount.FromCents(cents);
        var text = amount.ToLegacy(grouping, trailingMinus);
        return Amount.TryParse(text, AmountNotation.Legacy, out var parsed) && parsed == amount;
    }

    [Property(MaxTest = 500)]
    public bool Trailing_minus_is_rejected_where_the_notation_forbids_it(long cents)
    {
        var amount = Amount.FromCents(Math.Abs(cents % 1_000_000_000L) + 1);
        var text = amount.ToLegacy(trailingMinus: false).Replace(",", ".", StringComparison.Ordinal) + "-";
        return !Amount.TryParse(text, AmountNotation.Invariant, out _);
    }

    [Property(MaxTest = 500)]
    public bool From_cents_is_exactly_the_cents_divided_by_a_hundred(long cents) =>
        Amount.FromCents(cents).Value == cents / 100m && Amount.FromCents(cents).Cents == cents;

    [Fact]
    public void From_cents_holds_the_extremes_of_a_long()
    {
        Assert.Equal(long.MinValue / 100m, Amount.FromCents(long.MinValue).Value);
        Assert.Equal(long.MaxValue / 100m, Amount.FromCents(long.MaxValue).Value);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("12.345")]
    [InlineData("-0.005")]
    public void A_third_decimal_is_refused(string euros)
    {
        var value = decimal.Parse(euros, System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Amount.TryFromEuros(value, out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.FromEuros(value));
    }

    [Theory]
    [InlineData("12.5")]
    [InlineData("12.50")]
    [InlineData("12.500")]
    [InlineData("-7")]
    public void Whole_cents_are_kept_whatever_the_scale(string euros)
    {
        var value = decimal.Parse(euros, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, Amount.FromEuros(value).Value);
        Assert.Equal(decimal.ToInt64(value * 100m), Amount.FromEuros(value).Cents);
    }
}
