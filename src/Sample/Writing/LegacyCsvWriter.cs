using Bascule.Extract.Encodings;

namespace Bascule.Sample.Writing;

/// <summary>
/// Writes one data file of a legacy export: Windows-1252, CRLF, <c>;</c>-separated, header first, a field quoted
/// (RFC 4180, quotes doubled) only when it holds a separator, a quote or a line break, as the legacy software does.
/// </summary>
public sealed class LegacyCsvWriter : IDisposable
{
    private static readonly char[] NeedsQuotes = [';', '"', '\r', '\n'];

    private readonly StreamWriter writer;
    private bool atRecordStart = true;

    public LegacyCsvWriter(string path, params string[] header)
    {
        writer = new StreamWriter(path, append: false, ExportEncoding.Windows1252, bufferSize: 1 << 16) { NewLine = "\r\n" };
        foreach (var name in header)
        {
            Field(name);
        }

        writer.WriteLine();
        atRecordStart = true;
    }

    /// <summary>Data records written so far (the header is not one).</summary>
    public long Records { get; private set; }

    public LegacyCsvWriter Field(string text)
    {
        if (!atRecordStart)
        {
            writer.Write(';');
        }

        atRecordStart = false;
        if (text.IndexOfAny(NeedsQuotes) < 0)
        {
            writer.Write(text);
            return this;
        }

        writer.Write('"');
        writer.Write(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
        return this;
    }

    public void EndRecord()
    {
        writer.WriteLine();
        atRecordStart = true;
        Records++;
    }

    public void Dispose() => writer.Dispose();
}
