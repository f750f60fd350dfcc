namespace Bascule.Transform;

/// <summary>
/// A mapping version that cannot be read: unreadable file, bad syntax, a path escaping the mappings tree.
/// The message says what, where (file, line, column) and what to do.
/// </summary>
public sealed class MappingLoadException : Exception
{
    public MappingLoadException(string file, int line, int column, string message)
        : base($"{file}:{line}:{column}: {message}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = message;
    }

    public MappingLoadException()
        : this("?", 0, 0, "The mapping version could not be read.")
    {
    }

    public MappingLoadException(string message)
        : this("?", 0, 0, message)
    {
    }

    public MappingLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "?";
        Problem = message;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    /// <summary>The message without its location prefix.</summary>
    public string Problem { get; }
}
