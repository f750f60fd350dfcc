using Bascule.Load.Runs;

namespace Bascule.Pipeline;

/// <summary>
/// The migration was cancelled. The message says how far it got and what became of its run: none started (nothing
/// written), marked failed with its rows deleted (or, when even that failed, left loading for the next run), or already
/// published or held when only its reports were cut short. A cancellation all the same: it is an
/// <see cref="OperationCanceledException"/> carrying the token that was cancelled.
/// </summary>
public sealed class MigrationCancelledException : OperationCanceledException
{
    public MigrationCancelledException(string message, RunId? run, bool completed, Exception innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        Run = run;
        Completed = completed;
    }

    public MigrationCancelledException()
    {
    }

    public MigrationCancelledException(string message)
        : base(message)
    {
    }

    public MigrationCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The run it had started, if any.</summary>
    public RunId? Run { get; }

    /// <summary>True when the run was published (or held) before the cancellation: only its reports are missing.</summary>
    public bool Completed { get; }
}
