namespace Bascule.Reconcile;

/// <summary>A reconciliation that cannot be computed: the message says what, where and what to do.</summary>
public sealed class ReconcileException : Exception
{
    public ReconcileException(string message)
        : base(message)
    {
    }

    public ReconcileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ReconcileException()
    {
    }
}
