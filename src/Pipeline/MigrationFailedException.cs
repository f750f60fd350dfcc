namespace Bascule.Pipeline;

/// <summary>The migration could not complete; nothing was published. The message says what, where and what to do.</summary>
public sealed class MigrationFailedException : Exception
{
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
}
