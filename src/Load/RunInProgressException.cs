using System.Globalization;
using Bascule.Load.Runs.Leases;

namespace Bascule.Load;

/// <summary>
/// Another run of the same entity and year is loading under a live lease, and this one did not wait for it (or waited
/// as long as it was allowed): nothing was written. The message names the run, its host, process and since when.
/// </summary>
public sealed class RunInProgressException : StagingException
{
    public RunInProgressException(LoadingRun holder, TimeSpan waited)
        : base(Describe(holder, waited))
    {
        Holder = holder;
    }

    public RunInProgressException()
    {
    }

    public RunInProgressException(string message)
        : base(message)
    {
    }

    public RunInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The run that holds the entity and year.</summary>
    public LoadingRun? Holder { get; }

    private static string Describe(LoadingRun holder, TimeSpan waited)
    {
        ArgumentNullException.ThrowIfNull(holder);
        var after = waited > TimeSpan.Zero ? $" after waiting {Waited(waited)} for it" : "";
        return $"Another run of {holder.EntityName} {holder.FiscalYear.ToString(CultureInfo.InvariantCulture)} is still loading: "
            + $"{holder.Describe()}. " +
            $"This run stopped{after} before writing anything. Let that run finish (`bascule runs` lists it), or run migrate " +
            "again with --wait, which waits until it finishes or its lease expires and then loads.";
    }

    private static string Waited(TimeSpan waited) =>
        waited.TotalMinutes >= 1 ? $"{waited.TotalMinutes:0} min" : $"{waited.TotalSeconds:0} s";
}
