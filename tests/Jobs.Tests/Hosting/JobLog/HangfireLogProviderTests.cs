using Bascule.Jobs.Hosting.JobLog;
using Hangfire.Logging;

namespace Bascule.Jobs.Tests.Hosting.JobLog;

public sealed class HangfireLogProviderTests
{
    [Fact]
    public void Hangfire_lines_are_stamped_in_utc_on_the_24_hour_clock()
    {
        using var writer = new StringWriter();
        var log = new HangfireLogProvider(
            LogLevel.Info,
            new LogWriter(
                LogFormats.Text,
                writer,
                clock: new FixedClock(new DateTimeOffset(2026, 11, 28, 17, 5, 9, TimeSpan.FromHours(1)))))
            .GetLogger("Hangfire.Server.Worker");

        Assert.True(log.Log(LogLevel.Warn, () => "Job 42 failed", new InvalidOperationException("disk full")));
        Assert.False(log.Log(LogLevel.Debug, () => "not shown"));

        var lines = writer.ToString().Split(Environment.NewLine);
        Assert.Equal("2026-11-28 16:05:09Z [WARN] (Hangfire.Server.Worker) Job 42 failed", lines[0]);
        Assert.StartsWith("System.InvalidOperationException: disk full", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("not shown", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void In_json_each_entry_is_one_object_on_one_line_and_secrets_are_scrubbed()
    {
        using var writer = new StringWriter();
        const string connection = "Host=db.example;Username=bascule;Password=Pa55-word!;Database=jobs";
        var log = new HangfireLogProvider(
            LogLevel.Info,
            new LogWriter(LogFormats.Json, writer, [connection], new FixedClock(new DateTimeOffset(2026, 11, 28, 16, 5, 9, TimeSpan.Zero))))
            .GetLogger("Hangfire.Server.Worker");

        log.Log(LogLevel.Error, () => "Could not open Password=Pa55-word!", new InvalidOperationException("multi\nline"));

        var line = Assert.Single(writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        var entry = System.Text.Json.JsonDocument.Parse(line).RootElement;
        Assert.Equal("2026-11-28T16:05:09Z", entry.GetProperty("time").GetString());
        Assert.Equal(
            ("ERROR", "Hangfire.Server.Worker", "Could not open Password=***"),
            (entry.GetProperty("level").GetString(), entry.GetProperty("source").GetString(), entry.GetProperty("message").GetString()));
        Assert.StartsWith("System.InvalidOperationException: multi", entry.GetProperty("exception").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pa55-word!", line, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
