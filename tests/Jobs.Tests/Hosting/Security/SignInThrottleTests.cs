using System.Net;
using Bascule.Jobs.Hosting.Security;

namespace Bascule.Jobs.Tests.Hosting.Security;

public sealed class SignInThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.7");

    [Fact]
    public void The_fifth_failure_in_a_row_locks_the_address_out_and_each_later_lockout_is_twice_as_long()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);

        var first = Enumerable.Range(0, SignInThrottle.FreeFailures).Select(_ => throttle.Failed(Client)).ToList();
        clock.Advance(SignInThrottle.FirstLockout);
        var second = Enumerable.Range(0, SignInThrottle.FreeFailures).Select(_ => throttle.Failed(Client)).ToList()[^1];

        Assert.All(first.SkipLast(1), f => Assert.Null(f.Lockout));
        Assert.Equal(SignInThrottle.FirstLockout, first[^1].Lockout);
        Assert.Equal(SignInThrottle.FirstLockout * 2, second.Lockout);
        Assert.Equal(SignInThrottle.FirstLockout * 2, throttle.LockedFor(Client));
        Assert.Null(throttle.LockedFor(IPAddress.Parse("192.0.2.8")));
    }

    [Fact]
    public void Lockouts_stop_growing_at_the_longest()
    {
        var clock = new ManualClock();
        var throttle = new SignInThrottle(clock);
        TimeSpan? last = null;
        for (var i = 0; i < 20 * SignInThrottle.FreeFailures; i++)
        {
            last = throttle.Failed(Client).Lockout ?? last;
            clock.Advance(SignInThrottle.LongestLockout);
        }

        Assert.Equal(SignInThrottle.LongestLockout, last);
    }

    [Fact]
    public void A_right_password_ends_the_count()
    {
        var throttle = new SignInThrottle(new ManualClock());
        for (var i = 0; i < SignInThrottle.FreeFailures - 1; i++)
        {
            throttle.Failed(Client);
        }

        throttle.Succeeded(Client);

        Assert.Equal(1, throttle.Failed(Client).InARow);
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
