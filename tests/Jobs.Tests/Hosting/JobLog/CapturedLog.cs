using System.Text;
using System.Text.Json;
using Bascule.Jobs.Hosting.JobLog;

namespace Bascule.Jobs.Tests.Hosting.JobLog;

/// <summary>A log written in JSON lines into memory, readable while servers write to it; each line parsed back.</summary>
internal sealed class CapturedLog : TextWriter
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _current = new();

    public CapturedLog(params string[] connections)
    {
        Writer = new LogWriter(LogFormats.Json, this, connections);
        Lifecycle = new JobLifecycleLog(Writer);
    }

    public LogWriter Writer { get; }

    public JobLifecycleLog Lifecycle { get; }

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lines)
        {
            if (value == '\n')
            {
                _lines.Add(_current.ToString().TrimEnd('\r'));
                _current.Clear();
            }
            else
            {
                _current.Append(value);
            }
        }
    }

    /// <summary>The job life-cycle entries of <paramref name="job"/> written so far.</summary>
    public IReadOnlyList<JsonElement> Events(string job) =>
        [.. Lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.TryGetProperty("job", out var j) && j.GetString() == job)];

    /// <summary>Waits until <paramref name="job"/> has an entry with <paramref name="outcome"/>; fails the test after a minute.</summary>
    public async Task<JsonElement> WaitForAsync(string job, string outcome)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = Events(job).FirstOrDefault(e => e.GetProperty("outcome").GetString() == outcome);
            if (found.ValueKind == JsonValueKind.Object)
            {
                return found;
            }

            if (deadline.IsCancellationRequested)
            {
                Assert.Fail($"No '{outcome}' entry for job {job} within 60 s. Log:\n{string.Join('\n', Lines)}");
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}
