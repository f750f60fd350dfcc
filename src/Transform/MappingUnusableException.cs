namespace Bascule.Transform;

/// <summary>
/// A mapping version that loaded but may not be used for this run: it has errors, or its manifest does not
/// cover the export's entity type and fiscal year. The run stops before loading anything.
/// </summary>
public sealed class MappingUnusableException : Exception
{
    public MappingUnusableException()
        : base("The mapping version cannot be used for this run.")
    {
    }

    public MappingUnusableException(string message)
        : base(message)
    {
    }

    public MappingUnusableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
