using System.Globalization;
using Bascule.Jobs.Cli;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>The one way the command line writes amounts and counts for people: <c>1.234.567,89</c> and <c>7739</c>.</summary>
public sealed class FiguresTests
{
    [Theory]
    [InlineData("0", "0,00")]
    [InlineData("0.01", "0,01")]
    [InlineData("-0.01", "-0,01")]
    [InlineData("12.5", "12,50")]
    [InlineData("999.99", "999,99")]
    [InlineData("1000", "1.000,00")]
    [InlineData("-1234.5", "-1.234,50")]
    [InlineData("1234567.89", "1.234.567,89")]
    [InlineData("-2749341198.43", "-2.749.341.198,43")]
    [InlineData("999999999999999.99", "999.999.999.999.999,99")]
    public void Amounts_have_dot_thousands_comma_decimals_and_always_two_decimals(string value, string expected) =>
        Assert.Equal(expected, Figures.Amount(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void Rounding_never_hides_a_cent_and_never_writes_minus_zero()
    {
        // Amounts are cents: a sum of any scale keeps its two places, a third decimal rounds half away from zero.
        Assert.Equal("0,01", Figures.Amount(0.005m));
        Assert.Equal("-0,01", Figures.Amount(-0.005m));
        Assert.Equal("1.000,00", Figures.Amount(999.995m));
        Assert.Equal("0,00", Figures.Amount(-0.004m));
        Assert.Equal("45,00", Figures.Amount(45m));
        Assert.Equal("45,10", Figures.Amount(45.1000m));
    }

    [Fact]
    public void Differences_carry_their_sign()
    {
        Assert.Equal("+1,00", Figures.SignedAmount(1m));
        Assert.Equal("-5,00", Figures.SignedAmount(-5m));
        Assert.Equal("0,00", Figures.SignedAmount(0m));
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(45L, "45")]
    [InlineData(7739L, "7739")]
    [InlineData(1000000L, "1000000")]
    [InlineData(-1L, "-1")]
    public void Counts_are_plain_integers(long value, string expected) => Assert.Equal(expected, Figures.Count(value));

    [Fact]
    public void A_check_writes_euros_as_amounts_and_its_lines_as_counts_never_45_00()
    {
        Assert.Equal("45", Figures.Figure(45.00m, money: false));
        Assert.Equal("-1", Figures.Figure(-1m, money: false));
        Assert.Equal("45,00", Figures.Figure(45m, money: true));
    }

    [Fact]
    public void Shares_and_durations_write_their_decimals_with_a_comma_too()
    {
        Assert.Equal("97,5%", Figures.Percent(97.46m));
        Assert.Equal("100,0%", Figures.Percent(100m));
        Assert.Equal("0,53 s", Figures.Seconds(TimeSpan.FromMilliseconds(530)));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fr-BE")]
    [InlineData("nl-BE")]
    [InlineData("de-CH")]
    [InlineData("")]
    public void The_machine_s_culture_changes_nothing(string culture)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            Assert.Equal("-1.234.567,89", Figures.Amount(-1234567.89m));
            Assert.Equal("7739", Figures.Count(7739));
            Assert.Equal("12,5%", Figures.Percent(12.5m));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (current, ui);
        }
    }
}
