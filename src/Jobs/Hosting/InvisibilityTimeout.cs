using System.Globalization;
using System.Text.RegularExpressions;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// How long a job fetched by a <c>serve</c> process stays hidden from the others without a sign of life from it
/// (setting <c>Jobs:InvisibilityTimeout</c>): the longest a job of a process that died waits before another takes it
/// over. Both shared storages renew it while the process lives (a keep-alive every fifth of it), so a long migration is
/// not taken twice; too short a value risks that when the keep-alive is held up longer (a database that does not answer,
/// a process frozen), and then the entity-year's run lease still keeps the two runs apart.
/// </summary>
public sealed partial class InvisibilityTimeout
{
    public static readonly TimeSpan Shortest = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Longest = TimeSpan.FromHours(24);

    public static InvisibilityTimeout Default { get; } = new(TimeSpan.FromMinutes(30));

    private InvisibilityTimeout(TimeSpan value)
    {
        Value = value;
    }

    public TimeSpan Value { get; }

    /// <summary>
    /// Reads <c>30s</c>, <c>5m</c>, <c>1h</c> or <c>hh:mm:ss</c>; empty is the default (30 minutes). Anything else, or a
    /// value outside 10 s to 24 h or with a fraction of a second (the storages count whole seconds), throws
    /// <see cref="ArgumentException"/> with a message for the user.
    /// </summary>
    public static InvisibilityTimeout Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Default;
        }

        var value = Read(text.Trim());
        return value is { } v && v >= Shortest && v <= Longest && v.Ticks % TimeSpan.TicksPerSecond == 0
            ? new InvisibilityTimeout(v)
            : throw new ArgumentException(
                $"Jobs:InvisibilityTimeout '{text}' is not a duration from 10 s to 24 h in whole seconds: write it as 30s, 5m, 1h or "
                    + $"00:05:00 " +
                "(setting Jobs:InvisibilityTimeout, BASCULE_JOBS__INVISIBILITYTIMEOUT, or serve --invisibility-timeout).");
    }

    public override string ToString() => Value.TotalSeconds < 60 || Value.Seconds != 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Value.TotalSeconds:0} s")
        : string.Create(CultureInfo.InvariantCulture, $"{Value.TotalMinutes:0.##} min");

    private static TimeSpan? Read(string text)
    {
        var unit = WithUnit().Match(text);
        if (unit.Success && long.TryParse(unit.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 100_000)
        {
            return unit.Groups[2].Value switch
            {
                "s" => TimeSpan.FromSeconds(n),
                "m" => TimeSpan.FromMinutes(n),
                _ => TimeSpan.FromHours(n),
            };
        }

        return TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out var clock) ? clock : null;
    }

    [GeneratedRegex(@"^([0-9]{1,6}) ?(s|m|h)$")]
    private static partial Regex WithUnit();
}
