using Bascule.Jobs.Hosting;

namespace Bascule.Jobs.Tests.Hosting;

public sealed class InvisibilityTimeoutTests
{
    [Theory]
    [InlineData("20s", 20)]
    [InlineData("5m", 300)]
    [InlineData("2h", 7200)]
    [InlineData(" 00:01:30 ", 90)]
    [InlineData("24h", 86_400)]
    [InlineData("10 s", 10)]
    public void A_duration_with_a_unit_or_as_hh_mm_ss_is_read(string text, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), InvisibilityTimeout.Parse(text).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Absent_is_thirty_minutes(string? text) =>
        Assert.Equal(TimeSpan.FromMinutes(30), InvisibilityTimeout.Parse(text).Value);

    [Theory]
    [InlineData("9s")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("25h")]
    [InlineData("1.5m")]
    [InlineData("00:00:10.5")]
    [InlineData("thirty minutes")]
    [InlineData("30")]
    [InlineData("999999999999s")]
    public void Nonsense_is_refused_with_what_to_write(string text)
    {
        var error = Assert.Throws<ArgumentException>(() => InvisibilityTimeout.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("30s, 5m, 1h or 00:05:00", error.Message, StringComparison.Ordinal);
        Assert.Contains("BASCULE_JOBS__INVISIBILITYTIMEOUT", error.Message, StringComparison.Ordinal);
    }
}
