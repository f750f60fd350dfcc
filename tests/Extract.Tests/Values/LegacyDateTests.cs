using Bascule.Extract.Values;
using FsCheck;
using FsCheck.Xunit;

namespace Bascule.Extract.Tests.Values;

public sealed class LegacyDateTests
{
    [Property(MaxTest = 500)]
    public bool Every_date_round_trips_through_the_legacy_format(uint days)
    {
        var date = DateOnly.FromDayNumber((int)(days % 3_652_058));
        return LegacyDate.TryParse(LegacyDate.Format(date), out var parsed) && parsed == date;
    }

    [Property(MaxTest = 200)]
    public bool Every_date_round_trips_through_a_profile_format(uint days)
    {
        var date = DateOnly.FromDayNumber((int)(days % 3_652_058));
        return LegacyDate.TryParse(LegacyDate.Format(date, "dd.MM.yyyy"), "dd.MM.yyyy", out var parsed) && parsed == date;
    }

    [Property(MaxTest = 500)]
    public bool Text_that_parses_is_exactly_the_formatted_date(NonNull<string> text)
    {
        return !LegacyDate.TryParse(text.Get, out var date) || LegacyDate.Format(date) == text.Get.Trim();
    }

    [Theory]
    [InlineData("31/02/2023")]
    [InlineData("29/02/2023")]
    [InlineData("31/04/2023")]
    [InlineData("00/01/2023")]
    [InlineData("01/13/2023")]
    [InlineData("1/1/2023")]
    [InlineData("2023-01-01")]
    [InlineData("01-01-2023")]
    [InlineData("01/01/23")]
    [InlineData("")]
    public void Impossible_or_malformed_dates_are_rejected(string text)
    {
        Assert.False(LegacyDate.TryParse(text, out _));
    }

    [Fact]
    public void A_leap_day_exists_in_leap_years_only()
    {
        Assert.True(LegacyDate.TryParse("29/02/2024", out var date));
        Assert.Equal(new DateOnly(2024, 2, 29), date);
        Assert.False(LegacyDate.TryParse("29/02/2100", out _));
    }
}
