using Bascule.Jobs.Hosting;
using Hangfire;
using Hangfire.Storage;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// Two Hangfire servers in this process, each with its own storage object (and so its own connections), over one
/// shared job storage and one staging database: the scale-out of <c>bascule serve</c> on two machines, in one test.
/// </summary>
internal sealed class JobServers : IDisposable
{
    public static readonly string[] Finished = ["Succeeded", "Failed", "Deleted"];

    private readonly List<BackgroundJobServer> _servers = [];

    public JobServers(
        Func<JobStorage> storage,
        MigrationJobOptions options,
        int servers = 2,
        int workersEach = 2,
        Jobs.Hosting.JobLog.JobLifecycleLog? lifecycle = null)
    {
        Storage = storage();
        Client = new BackgroundJobClient(Storage);
        for (var i = 0; i < servers; i++)
        {
            _servers.Add(new BackgroundJobServer(MigrationServer.Options(options, workersEach, $"test-server-{i}", lifecycle), storage()));
        }
    }

    public JobStorage Storage { get; }

    public IBackgroundJobClient Client { get; }

    public StateData? State(string jobId)
    {
        using var connection = Storage.GetConnection();
        return connection.GetStateData(jobId);
    }

    /// <summary>Waits until every job reached one of <paramref name="states"/>; fails the test past the timeout.</summary>
    public async Task<IReadOnlyDictionary<string, StateData>> WaitAsync(
        IEnumerable<string> jobIds,
        TimeSpan timeout,
        params string[] states)
    {
        var ids = jobIds.ToList();
        var accepted = states.Length == 0 ? Finished : states;
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var current = ids.ToDictionary(id => id, State);
            if (current.Values.All(s => s is not null && accepted.Contains(s.Name)))
            {
                return current.ToDictionary(p => p.Key, p => p.Value!);
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"Jobs not {string.Join("/", accepted)} after {timeout.TotalSeconds} s: " +
                    string.Join(", ", current.Select(p => $"{p.Key}={p.Value?.Name ?? "?"}")));
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.SendStop();
        }

        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }
}
