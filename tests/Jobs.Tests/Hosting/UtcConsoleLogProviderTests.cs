using Bascule.Jobs.Hosting;
using Hangfire.Logging;

namespace Bascule.Jobs.Tests.Hosting;

public sealed class UtcConsoleLogProviderTests
{
    [Fact]
    public void Hangfire_lines_are_stamped_in_utc_on_the_24_hour_clock()
    {
        using var writer = new StringWriter();
        var log = new UtcConsoleLogProvider(LogLevel.Info, writer, new FixedClock(new DateTimeOffset(2026, 11, 28, 17, 5, 9, TimeSpan.FromHours(1))))
            .GetLogger("Hangfire.Server.Worker");

        Assert.True(log.Log(LogLevel.Warn, () => "Job 42 failed", new InvalidOperationException("disk full")));
        Assert.False(log.Log(LogLevel.Debug, () => "not shown"));

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("2026-11-28 16:05:09Z [WARN] (Hangfire.Server.Worker) Job 42 failed", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: disk full", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", writer.ToString(), StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
