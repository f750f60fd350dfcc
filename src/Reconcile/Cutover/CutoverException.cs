namespace Bascule.Reconcile.Cutover;

/// <summary>A cut-over package that cannot be built: the message says what, where and what to do.</summary>
public sealed class CutoverException : Exception
{
    public CutoverException(string message)
        : base(message)
    {
    }

    public CutoverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CutoverException()
    {
    }
}
