using System.Diagnostics;
using System.Globalization;
using Bascule.Pipeline;

namespace Bascule.MigrateBench;

/// <summary>Records the wall time of each stage `migrate` reports, in order, for the bench's one-line result.</summary>
internal sealed class StageClock : IMigrationProgress
{
    private readonly Dictionary<string, long> _started = [];
    private readonly List<(string Stage, double Seconds)> _stages = [];

    public void Started(string stage, long? total) => _started[stage] = Stopwatch.GetTimestamp();

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary)
    {
        var start = _started.GetValueOrDefault(stage, Stopwatch.GetTimestamp());
        _stages.Add((stage, Stopwatch.GetElapsedTime(start).TotalSeconds));
    }

    /// <summary>Stages as <c>name=seconds</c>, comma-separated, the side files summed as <c>side</c>; empty for paths without
    /// stages.</summary>
    public override string ToString()
    {
        if (_stages.Count == 0)
        {
            return "";
        }

        var main = new[] { "ledger", "fingerprint", "reconcile" };
        var side = _stages.Where(s => !main.Contains(s.Stage)).Sum(s => s.Seconds);
        return string.Join(
            ",",
            _stages.Where(s => main.Contains(s.Stage)).Select(s => (s.Stage, s.Seconds)).Append(("side", side))
                .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Item1}={s.Item2:0.00}")));
    }
}
