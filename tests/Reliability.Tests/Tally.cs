using System.Globalization;

namespace Bascule.Reliability.Tests;

/// <summary>
/// What the reliability suite did, counted by the tests themselves and written once the assembly has run to
/// <c>out/test-results/reliability-tally.txt</c>, which CI prints: faults injected, runs recovered after a fault,
/// runs that left the published data unchanged, inputs tried, and lines lost (read but neither staged, unmapped nor
/// rejected). A test that finds a lost line fails; the tally only reports.
/// </summary>
public sealed class Tally : IDisposable
{
    private static long FaultsInjected;
    private static long RunsRecovered;
    private static long RunsUnchanged;
    private static long InputsTried;
    private static long LinesRead;
    private static long LinesLost;

    public static void FaultInjected(long count = 1) => Interlocked.Add(ref FaultsInjected, count);

    /// <summary>A run that met a fault and still published one complete, correct run (after a retry or a re-run).</summary>
    public static void RunRecovered() => Interlocked.Increment(ref RunsRecovered);

    /// <summary>A run that met a fault and left the published data exactly as it was.</summary>
    public static void RunUnchanged() => Interlocked.Increment(ref RunsUnchanged);

    /// <summary>An input (corpus file, fuzzed export) pushed through the pipeline, with the lines it held and those unaccounted
    /// for.</summary>
    public static void InputTried(long linesRead, long linesLost)
    {
        Interlocked.Increment(ref InputsTried);
        Interlocked.Add(ref LinesRead, linesRead);
        Interlocked.Add(ref LinesLost, linesLost);
    }

    public static string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"reliability: {Interlocked.Read(ref FaultsInjected)} faults injected, {Interlocked.Read(ref RunsRecovered)} runs recovered, " +
        $"{Interlocked.Read(ref RunsUnchanged)} runs left published data unchanged, {Interlocked.Read(ref InputsTried)} inputs tried " +
        $"({Interlocked.Read(ref LinesRead)} lines read), lines lost: {Interlocked.Read(ref LinesLost)}");

    public void Dispose()
    {
        var folder = Path.Combine(TestSupport.RepositoryRoot.Path, "out", "test-results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "reliability-tally.txt"), Summary + Environment.NewLine);
    }
}
