using Bascule.Jobs.Hosting;
using Hangfire;
using Hangfire.InMemory;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// The check of <c>schedule --cron</c> against Hangfire's own: whatever the check lets through, Hangfire takes (so a
/// refusal never comes from Hangfire, with its "see the inner exception"), and whatever Hangfire refuses, the check
/// refuses first. Hangfire keeps its cron parser to itself; the check uses the same parser from its own package, and this
/// test notices when an upgrade of either makes them part.
/// </summary>
public sealed class RehearsalCronTests
{
    [Theory]
    [InlineData("0 2 * * 6")]
    [InlineData("30 1 * * 1-5")]
    [InlineData("0 2 * * SAT")]
    [InlineData("0 2 * * 7")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 2 1,15 * *")]
    [InlineData("0 2 L * *")]
    [InlineData("0 2 * * 5#3")]
    [InlineData("@daily")]
    [InlineData("@weekly")]
    [InlineData("  0 2 * * 6  ")]
    [InlineData("61 2 * * *")]
    [InlineData("0 2 * *")]
    [InlineData("0 25 * * *")]
    [InlineData("0 2 * * 8")]
    [InlineData("0 2 32 * *")]
    [InlineData("0 2 * 13 *")]
    [InlineData("*/0 * * * *")]
    [InlineData("0 2 * * 6,")]
    [InlineData("0 2 * * Sa")]
    [InlineData("H 2 * * *")]
    [InlineData("@reboot")]
    [InlineData("a b c d e")]
    [InlineData("")]
    [InlineData("0 0 2 * * 6")]
    [InlineData("0 2 31 2 *")]
    public void What_the_check_accepts_Hangfire_accepts_and_what_Hangfire_refuses_the_check_refuses(string cron)
    {
        var problem = RehearsalCron.Problem(cron);
        string? refusal = null;
        try
        {
            new RecurringJobManager(new InMemoryStorage()).AddOrUpdate("rehearsal:check:2023", () => NoJob.Run(), cron.Trim());
        }
        catch (ArgumentException ex)
        {
            refusal = ex.InnerException?.Message ?? ex.Message;
        }

        if (problem is null)
        {
            Assert.Null(refusal);
            Assert.NotNull(RehearsalCron.Next(cron, DateTime.UtcNow));
        }

        if (refusal is not null)
        {
            Assert.NotNull(problem);
        }

        if (problem is not null)
        {
            Assert.StartsWith($"'{cron}' is not a valid cron expression: ", problem, StringComparison.Ordinal);
            Assert.EndsWith(RehearsalCron.Format, problem, StringComparison.Ordinal);
            Assert.DoesNotContain("inner exception", problem, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData("0 2 * * 6", "2026-05-06T10:00:00Z", "2026-05-09T02:00:00Z")]
    [InlineData("30 1 * * 1-5", "2026-05-08T02:00:00Z", "2026-05-11T01:30:00Z")]
    public void The_next_execution_is_in_UTC(string cron, string after, string next)
    {
        var afterUtc = DateTime.Parse(
            after,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);
        var nextUtc = DateTime.Parse(
            next,
            System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(nextUtc, RehearsalCron.Next(cron, afterUtc));
    }
}

/// <summary>A job for Hangfire to schedule, never run.</summary>
public static class NoJob
{
    public static void Run()
    {
    }
}
