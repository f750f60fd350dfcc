using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class EnterpriseNumberTests
{
    private static readonly Arbitrary<int> Bodies = Gen.Choose(1_000_000, 19_999_999).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_generated_number_round_trips_through_its_printed_form() =>
        Prop.ForAll(Bodies, body =>
        {
            var number = EnterpriseNumber.Create(body);
            return EnterpriseNumber.Parse(number.ToString()) == number && EnterpriseNumber.Parse(number.Digits) == number;
        });

    [Property(MaxTest = 300)]
    public Property Wrong_check_digits_are_rejected() =>
        Prop.ForAll(Bodies, Gen.Choose(1, 96).ToArbitrary(), (body, delta) =>
        {
            var digits = EnterpriseNumber.Create(body).Digits;
            var check = (int.Parse(digits[8..], System.Globalization.CultureInfo.InvariantCulture) + delta) % 100;
            return !EnterpriseNumber.TryParse(digits[..8] + check.ToString("00", System.Globalization.CultureInfo.InvariantCulture), out _);
        });

    [Theory]
    [InlineData("0202.239.951")]
    [InlineData("0202239951")]
    [InlineData("202.239.951")]
    public void Known_valid_numbers_parse(string text)
    {
        Assert.Equal("0202.239.951", EnterpriseNumber.Parse(text).ToString());
    }

    [Theory]
    [InlineData("0202.239.952")]
    [InlineData("2202.239.951")]
    [InlineData("0202.239.95")]
    [InlineData("0202/239/951")]
    [InlineData("BE0202239951")]
    public void Malformed_numbers_are_rejected(string text)
    {
        Assert.False(EnterpriseNumber.TryParse(text, out _));
    }
}
