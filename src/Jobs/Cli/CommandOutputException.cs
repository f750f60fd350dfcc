namespace Bascule.Jobs.Cli;

/// <summary>A command's output file cannot be written; the message names the file and what to do. Reported by <see
/// cref="CommandFailures"/>, exit 1.</summary>
public sealed class CommandOutputException : Exception
{
    public CommandOutputException(string message)
        : base(message)
    {
    }

    public CommandOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CommandOutputException()
    {
    }
}
