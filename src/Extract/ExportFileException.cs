namespace Bascule.Extract;

/// <summary>
/// A file-level fault: the export cannot be used until it is fixed. The message says what is wrong, where
/// (file, and line or column when known) and what to do; the run stops before anything is loaded.
/// </summary>
public sealed class ExportFileException : Exception
{
    public ExportFileException(string file, long? line, string? column, string message)
        : base(Compose(file, line, column, message))
    {
        File = file;
        Line = line;
        Column = column;
    }

    public ExportFileException()
    {
        File = "";
    }

    public ExportFileException(string message)
        : base(message)
    {
        File = "";
    }

    public ExportFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
    }

    /// <summary>The file at fault, as named in the export folder.</summary>
    public string File { get; }

    /// <summary>The physical line (1-based) when the fault has one.</summary>
    public long? Line { get; }

    /// <summary>The column (header name) when the fault has one.</summary>
    public string? Column { get; }

    private static string Compose(string file, long? line, string? column, string message)
    {
        var where = file + (line is { } l ? $", line {l}" : "") + (column is { } c ? $", column {c}" : "");
        return $"{where}: {message}";
    }
}
