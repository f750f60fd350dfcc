namespace Bascule.Load.Runs.Leases;

/// <summary>
/// The process that holds a run's lease: the host it runs on (<see cref="Environment.MachineName"/>), its process id and
/// its <see cref="ProcessStamp"/>. Host names must differ between the machines (and containers) that share a staging
/// database: a holder is judged gone from what this host's process table says about its id.
/// </summary>
public sealed record LeaseHolder(string Host, int ProcessId, string? ProcessStamp)
{
    /// <summary>This process.</summary>
    public static LeaseHolder Current { get; } = new(Environment.MachineName, Environment.ProcessId, Leases.ProcessStamp.Current);

    public bool IsOnThisHost => string.Equals(Host, Current.Host, StringComparison.OrdinalIgnoreCase);

    public bool IsThisProcess => IsOnThisHost && ProcessId == Current.ProcessId && ProcessStamp == Current.ProcessStamp;

    /// <summary>
    /// True only when this host's process table shows for certain that the holder no longer runs: no process with its id,
    /// or one that started at another time (the id was given again). False on another host, where nothing can be seen.
    /// </summary>
    public bool IsGoneFromThisHost()
    {
        if (!IsOnThisHost || IsThisProcess)
        {
            return false;
        }

        var (runs, stamp) = Leases.ProcessStamp.Of(ProcessId);
        return !runs || (stamp is not null && ProcessStamp is not null && stamp != ProcessStamp);
    }

    public override string ToString() => $"host {Host}, process {ProcessId}";
}
