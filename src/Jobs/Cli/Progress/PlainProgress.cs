using Bascule.Pipeline;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Bascule.Jobs.Cli.Progress;

/// <summary>One line per completed stage, with its duration, for logs and redirected output.</summary>
public sealed class PlainProgress(IAnsiConsole console) : IMigrationProgress
{
    private readonly Dictionary<string, long> _started = [];
    private readonly Lock _lock = new();

    public void Started(string stage, long? total)
    {
        lock (_lock)
        {
            _started[stage] = Stopwatch.GetTimestamp();
        }
    }

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary)
    {
        lock (_lock)
        {
            var elapsed = _started.TryGetValue(stage, out var start) ? Stopwatch.GetElapsedTime(start) : TimeSpan.Zero;
            console.Profile.Out.Writer
                .WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {summary} ({Figures.Seconds(elapsed)})"));
        }
    }
}
