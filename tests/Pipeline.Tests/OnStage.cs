namespace Bascule.Pipeline.Tests;

/// <summary>Runs an action when the pipeline starts a stage: a fault injected at a known point of the run.</summary>
internal sealed class OnStage(string when, Action action) : IMigrationProgress
{
    public void Started(string stage, long? total)
    {
        if (stage == when)
        {
            action();
        }
    }

    public void Advanced(string stage, long done)
    {
    }

    public void Completed(string stage, string summary)
    {
    }
}
