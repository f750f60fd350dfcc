using Spectre.Console;

namespace Bascule.Jobs.Pipeline;

/// <summary>One Spectre progress bar per stage, advanced as records stream.</summary>
public sealed class TerminalProgress(ProgressContext context) : IMigrationProgress
{
    private readonly Dictionary<string, ProgressTask> _tasks = [];

    public void Started(string stage, long? total)
    {
        var task = context.AddTask(Markup.Escape(stage), maxValue: total is > 0 ? total.Value : 1);
        task.IsIndeterminate = total is null or 0;
        _tasks[stage] = task;
    }

    public void Advanced(string stage, long done)
    {
        if (_tasks.TryGetValue(stage, out var task) && !task.IsIndeterminate)
        {
            task.Value = Math.Min(done, task.MaxValue);
        }
    }

    public void Completed(string stage, string summary)
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
