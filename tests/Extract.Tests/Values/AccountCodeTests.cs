using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class AccountCodeTests
{
    private static readonly Arbitrary<string> Accounts =
        (from length in Gen.Choose(6, 7)
         from digits in Gen.ArrayOf(Gen.Choose(0, 9), length)
         select string.Concat(digits)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Every_six_or_seven_digit_account_round_trips_with_its_leading_zeros() =>
        Prop.ForAll(Accounts, text => AccountCode.TryParse(text, out var code) && code!.Value == text && code.Class == text[0] - '0');

    [Property(MaxTest = 300)]
    public bool Anything_but_six_or_seven_digits_is_rejected(NonNull<string> text)
    {
        var t = text.Get.Trim();
        var valid = t.Length is 6 or 7 && t.All(char.IsAsciiDigit);
        return AccountCode.TryParse(text.Get, out _) == valid;
    }
}
