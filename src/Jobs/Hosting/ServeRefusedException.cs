namespace Bascule.Jobs.Hosting;

/// <summary><c>bascule serve</c> will not start as configured; the message says why and what to configure.</summary>
public sealed class ServeRefusedException : Exception
{
    public ServeRefusedException(string message)
        : base(message)
    {
    }

    public ServeRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ServeRefusedException()
    {
    }
}
