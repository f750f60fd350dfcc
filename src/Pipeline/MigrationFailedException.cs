namespace Bascule.Pipeline;

/// <summary>The migration could not complete; nothing was published. The message says what, where and what to do.</summary>
public sealed class MigrationFailedException : Exception
{
    public MigrationFailedException(string message, MigrationFailureKind kind, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public MigrationFailedException(string message)
        : base(message)
    {
    }

    public MigrationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MigrationFailedException()
    {
    }

    /// <summary>Whether the same request may pass later (<see cref="MigrationFailureKind.Infrastructure"/>) or needs the data
    /// fixed.</summary>
    public MigrationFailureKind Kind { get; } = MigrationFailureKind.Infrastructure;
}
