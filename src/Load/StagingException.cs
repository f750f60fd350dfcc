namespace Bascule.Load;

/// <summary>A run could not be staged; the message says what failed, where, and that nothing was published.</summary>
public class StagingException : Exception
{
    public StagingException(string message)
        : base(message)
    {
    }

    public StagingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StagingException()
    {
    }
}
