using System.Collections.Concurrent;
using System.Net;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// Failed sign-ins counted per client address: after <see cref="FreeFailures"/> failures in a row, the address is
/// locked out for <see cref="FirstLockout"/>, doubled at each further lockout up to <see cref="LongestLockout"/>, and
/// its credentials are not even checked meanwhile. A right password ends the count. Guessing a password from one
/// machine then takes years instead of minutes; a user who mistyped waits half a minute.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    public const int FreeFailures = 5;
    public static readonly TimeSpan FirstLockout = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan LongestLockout = TimeSpan.FromMinutes(15);

    // Past this many addresses, those not locked out are forgotten, so that a flood of addresses cannot fill memory.
    private const int MaxTracked = 10_000;

    private readonly ConcurrentDictionary<IPAddress, Failures> _failures = new();

    public SignInThrottle()
        : this(TimeProvider.System)
    {
    }

    /// <summary>How long <paramref name="address"/> stays locked out, or null when it may try.</summary>
    public TimeSpan? LockedFor(IPAddress address)
    {
        var now = clock.GetUtcNow();
        return _failures.TryGetValue(address, out var f) && f.LockedUntil > now ? f.LockedUntil - now : null;
    }

    /// <summary>Records a failure; returns the failures in a row and the lockout it started, if any.</summary>
    public (int InARow, TimeSpan? Lockout) Failed(IPAddress address)
    {
        if (_failures.Count > MaxTracked)
        {
            var now = clock.GetUtcNow();
            foreach (var (key, value) in _failures.Where(p => p.Value.LockedUntil <= now))
            {
                _failures.TryRemove(new KeyValuePair<IPAddress, Failures>(key, value));
            }
        }

        var updated = _failures.AddOrUpdate(address, _ => Next(new Failures(0, 0, DateTimeOffset.MinValue)), (_, f) => Next(f));
        return (updated.InARow, updated.InARow % FreeFailures == 0 ? updated.LockedUntil - clock.GetUtcNow() : null);
    }

    public void Succeeded(IPAddress address) => _failures.TryRemove(address, out _);

    private Failures Next(Failures f)
    {
        var inARow = f.InARow + 1;
        if (inARow % FreeFailures != 0)
        {
            return f with { InARow = inARow };
        }

        var lockouts = f.Lockouts + 1;
        var length = TimeSpan.FromTicks(Math.Min(LongestLockout.Ticks, FirstLockout.Ticks << Math.Min(lockouts - 1, 16)));
        return new Failures(inARow, lockouts, clock.GetUtcNow() + length);
    }

    private sealed record Failures(int InARow, int Lockouts, DateTimeOffset LockedUntil);
}
