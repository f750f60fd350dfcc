using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class ThirdPartyCodeTests
{
    private static readonly Arbitrary<string> Codes =
        (from length in Gen.Choose(1, 20)
         from chars in Gen.ArrayOf(Gen.Elements("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabc-_./".ToCharArray()), length)
         select new string(chars)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_well_formed_code_round_trips_with_its_leading_zeros() =>
        Prop.ForAll(Codes, text => ThirdPartyCode.TryParse("  " + text + " ", out var code) && code!.Value == text);

    [Theory]
    [InlineData("")]
    [InlineData("F 0001")]
    [InlineData("F;0001")]
    [InlineData("123456789012345678901")]
    [InlineData("Crédit")]
    public void Malformed_codes_are_rejected(string text)
    {
        Assert.False(ThirdPartyCode.TryParse(text, out _));
    }
}
