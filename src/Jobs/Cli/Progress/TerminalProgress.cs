using Bascule.Pipeline;
using Spectre.Console;

namespace Bascule.Jobs.Cli.Progress;

/// <summary>One Spectre progress bar per stage, advanced as records stream.</summary>
public sealed class TerminalProgress(ProgressContext context) : IMigrationProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];
    private readonly Lock _lock = new();

    public void Started(string stage, long? total)
    {
        lock (_lock)
        {
            Start(stage, total);
        }
    }

    public void Advanced(string stage, long done)
    {
        lock (_lock)
        {
            if (_tasks.TryGetValue(stage, out var task) && !task.IsIndeterminate)
            {
                task.Value = Math.Min(done, task.MaxValue);
            }
        }
    }

    public void Completed(string stage, string summary)
    {
        lock (_lock)
        {
            Complete(stage, summary);
        }
    }

    private void Start(string stage, long? total)
    {
        var task = context.AddTask(Markup.Escape(stage), maxValue: total is > 0 ? total.Value : 1);
        task.IsIndeterminate = total is null or 0;
        _tasks[stage] = task;
    }

    private void Complete(string stage, string summary)
    {
        if (_tasks.TryGetValue(stage, out var task))
        {
            task.Description = Markup.Escape($"{stage}: {summary}");
            task.IsIndeterminate = false;
            task.Value = task.MaxValue;
            task.StopTask();
        }
    }
}
