using System.Diagnostics;

namespace Bascule.Load.Runs.Leases;

/// <summary>
/// One run's patience with the run that holds its entity and year: it stops at once (<see cref="RunInProgressException"/>)
/// or waits up to <see cref="StagingOptions.WaitForLease"/> in all, looking again every
/// <see cref="StagingOptions.WaitPollInterval"/>, and says once per holder that it waits.
/// </summary>
internal sealed class LeaseWait(StagingOptions options)
{
    private readonly Stopwatch _waiting = Stopwatch.StartNew();
    private RunId? _waitedFor;

    public async Task WaitOrStopAsync(LoadingRun holder, CancellationToken cancellationToken)
    {
        if (options.WaitForLease != Timeout.InfiniteTimeSpan && _waiting.Elapsed >= options.WaitForLease)
        {
            throw new RunInProgressException(holder, options.WaitForLease);
        }

        if (_waitedFor != holder.Id)
        {
            _waitedFor = holder.Id;
            options.Waiting?.Invoke(holder);
        }

        await Task.Delay(options.WaitPollInterval, cancellationToken);
    }
}
