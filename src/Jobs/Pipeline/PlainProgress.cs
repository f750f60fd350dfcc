using System.Diagnostics;
using System.Globalization;

namespace Bascule.Jobs.Pipeline;

/// <summary>One line per completed stage, with its duration, for logs and redirected output.</summary>
public sealed class PlainProgress(TextWriter? writer = null) : IMigrationProgress
{
    private readonly TextWriter _writer = writer ?? Console.Out;
    private readonly Dictionary<string, long> _started = [];

    public void Started(string stage, long? total) => _started[stage] = Stopwatch.GetTimestamp();

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary)
    {
        var elapsed = _started.TryGetValue(stage, out var start) ? Stopwatch.GetElapsedTime(start) : TimeSpan.Zero;
        _writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage}: {summary} ({elapsed.TotalSeconds:0.00} s)"));
    }
}
