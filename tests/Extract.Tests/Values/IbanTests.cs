using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class IbanTests
{
    private static readonly Arbitrary<string> BelgianAccounts =
        Gen.ArrayOf(Gen.Choose(0, 9), 12).Select(digits => string.Concat(digits)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_generated_iban_round_trips_in_electronic_and_printed_form() =>
        Prop.ForAll(BelgianAccounts, bban =>
        {
            var iban = Iban.Create("BE", bban);
            return Iban.Parse(iban.Value) == iban && Iban.Parse(iban.ToPrintable()) == iban && iban.CountryCode == "BE";
        });

    [Property(MaxTest = 300)]
    public Property Changing_any_one_digit_breaks_the_check() =>
        Prop.ForAll(BelgianAccounts, Gen.Choose(2, 15).ToArbitrary(), Gen.Choose(1, 9).ToArbitrary(), (bban, position, delta) =>
        {
            var chars = Iban.Create("BE", bban).Value.ToCharArray();
            chars[position] = (char)('0' + ((chars[position] - '0' + delta) % 10));
            return !Iban.TryParse(new string(chars), out _);
        });

    [Theory]
    [InlineData("BE68 5390 0754 7034")]
    [InlineData("be68539007547034")]
    [InlineData("FR14 2004 1010 0505 0001 3M02 606")]
    public void Known_valid_ibans_parse(string text)
    {
        Assert.True(Iban.TryParse(text, out _));
    }

    [Theory]
    [InlineData("BE68 5390 0754 7035")]
    [InlineData("BE6853900754")]
    [InlineData("6853900754703400")]
    [InlineData("BE68-5390-0754-7034")]
    [InlineData("")]
    public void Malformed_ibans_are_rejected(string text)
    {
        Assert.False(Iban.TryParse(text, out _));
    }
}
