namespace Bascule.Jobs.Hosting;

/// <summary>
/// A fault in the data (an export file that is damaged or incomplete, a mapping that cannot be used, a FAILED
/// reconciliation): running the job again gives the same answer, so it is never retried. The message is what the
/// dashboard shows.
/// </summary>
public sealed class DataFaultException : Exception
{
    public DataFaultException(string message)
        : base(message)
    {
    }

    public DataFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DataFaultException()
    {
    }
}
