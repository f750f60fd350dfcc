namespace Bascule.Jobs.Hosting;

/// <summary>The fleet file cannot be used; the message names the file, the place and what to change.</summary>
public sealed class FleetFileException : Exception
{
    public FleetFileException(string message)
        : base(message)
    {
    }

    public FleetFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FleetFileException()
    {
    }
}
