using System.Text;
using Bascule.Extract.Encodings;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using nietras.SeparatedValues;

namespace Bascule.Extract.Reading;

/// <summary>
/// One data file as a stream of physical records: Sep does the RFC 4180 splitting (quoted <c>;</c>, <c>""</c> and
/// line breaks), this class skips blank lines, numbers records and lines for lineage, maps the header onto the
/// canonical fields and unquotes the rare quoted field on demand.
/// </summary>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly HashingStream _bytes;
    private readonly StreamReader _text;
    private readonly SepReader _sep;
    private readonly int[] _columns;

    private CsvRecordReader(string fileName, HashingStream bytes, StreamReader text, SepReader sep, int[] columns, int expectedColumns)
    {
        FileName = fileName;
        _bytes = bytes;
        _text = text;
        _sep = sep;
        _columns = columns;
        ExpectedColumns = expectedColumns;
    }

    public string FileName { get; }

    public int ExpectedColumns { get; }

    public long Record { get; private set; }

    public long Line { get; private set; }

    public Lineage Lineage => new(FileName, Record, Line);

    public int ColumnCount => _sep.Current.ColCount;

    /// <summary>The record exactly as it stands in the file, quotes and inner line breaks included.</summary>
    public string RawText => _sep.Current.Span.ToString();

    /// <summary>The same, without copying; valid until the next record.</summary>
    public ReadOnlySpan<char> RawSpan => _sep.Current.Span;

    /// <summary>
    /// The value of a canonical field (by its position in <see cref="FileSchema.Fields"/>): a quoted field's content,
    /// unquoted; an unquoted field as it stands, spaces included (the typed parsers trim it).
    /// </summary>
    public ReadOnlySpan<char> this[int field] => Value(field, trimUnquoted: false);

    /// <summary>True when the current record has the column of this canonical field (a short record may not).</summary>
    public bool Has(int field) => _columns[field] >= 0 && _columns[field] < _sep.Current.ColCount;

    /// <summary>
    /// The text of a canonical field, as the spec keeps it: a quoted field exactly as it stands between its quotes
    /// (a CRLF stays CRLF, spaces at either end stay, only <c>""</c> becomes <c>"</c>); an unquoted field without the
    /// spaces around it.
    /// </summary>
    public ReadOnlySpan<char> Text(int field) => Value(field, trimUnquoted: true);

    public static CsvRecordReader Open(
        string path,
        FileLayout layout,
        ExportProfile profile,
        DetectedEncoding encoding,
        IReadOnlyList<string> fields)
    {
        var fileName = Path.GetFileName(path);
        var stream = new HashingStream(
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        if (encoding.HasByteOrderMark)
        {
            // Read, not skipped: the file's hash covers its byte order mark too.
            stream.ReadExactly(stackalloc byte[3]);
        }

        var text = new StreamReader(stream, encoding.Encoding, detectEncodingFromByteOrderMarks: false, 1 << 16);
        try
        {
            var sep = new SepReaderOptions(new Sep(profile.Delimiter))
            {
                HasHeader = false,
                DisableColCountCheck = true,
                Unescape = false,
            }.From(text);
            var reader = layout.HasHeader
                ? FromHeader(fileName, stream, text, sep, layout, fields)
                : FromColumnOrder(fileName, stream, text, sep, layout, fields);
            return reader;
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Moves to the next non-blank record; false at the end of the file.</summary>
    public bool MoveNext()
    {
        try
        {
            while (_sep.MoveNext())
            {
                var row = _sep.Current;
                if (row.Span.IsWhiteSpace())
                {
                    continue;
                }

                Record++;
                Line = StartLine(row);
                return true;
            }

            return false;
        }
        catch (DecoderFallbackException e)
        {
            throw new ExportFileException(FileName, Line + 1, null,
                $"a byte cannot be decoded ({e.Message}) after the record that starts on line {Line}. Check the export's encoding, or pin "
                    + $"it in the export profile.");
        }
    }

    /// <summary>
    /// The SHA-256 of the file's bytes as this reader read them, once <see cref="MoveNext"/> has returned false: the hash
    /// of exactly what was counted or parsed, even if the file was replaced since it was opened.
    /// </summary>
    public string Sha256() => _bytes.Finish();

    public void Dispose()
    {
        _sep.Dispose();
        _text.Dispose();
    }

    private static CsvRecordReader FromHeader(
        string fileName,
        HashingStream bytes,
        StreamReader text,
        SepReader sep,
        FileLayout layout,
        IReadOnlyList<string> fields)
    {
        var found = false;
        while (!found && sep.MoveNext())
        {
            found = !sep.Current.Span.IsWhiteSpace();
        }

        if (!found)
        {
            throw new ExportFileException(fileName, 1, null, "the file is empty: it has no header line. Export the file again.");
        }

        var names = new string[sep.Current.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = sep.Current[i].ToString().Trim().Trim('"').Trim().ToUpperInvariant();
        }

        var line = StartLine(sep.Current);
        var columns = HeaderMap.Resolve(fileName, line, names, layout, fields);
        return new CsvRecordReader(fileName, bytes, text, sep, columns, names.Length);
    }

    private static CsvRecordReader FromColumnOrder(
        string fileName,
        HashingStream bytes,
        StreamReader text,
        SepReader sep,
        FileLayout layout,
        IReadOnlyList<string> fields)
    {
        var order = layout.ColumnOrder ?? fields;
        var columns = new int[fields.Count];
        for (var field = 0; field < fields.Count; field++)
        {
            columns[field] = order.ToList().FindIndex(name => name.Equals(fields[field], StringComparison.OrdinalIgnoreCase));
            if (columns[field] < 0)
            {
                throw new ExportFileException(fileName, null, fields[field],
                    $"the export profile's columnOrder for this header-less file has no {fields[field]}. Add it to columnOrder in the "
                        + $"profile.");
            }
        }

        return new CsvRecordReader(fileName, bytes, text, sep, columns, order.Count);
    }

    // Sep 0.17.1 reports line 2 as the start of the very first row; every later row is right.
    private static long StartLine(SepReader.Row row) => row.RowIndex == 0 ? 1 : row.LineNumberFrom;

    private ReadOnlySpan<char> Value(int field, bool trimUnquoted)
    {
        var column = _columns[field];
        if (column < 0)
        {
            return [];
        }

        var value = _sep.Current[column].Span;
        // Spaces outside the quotes are not content: "  \"a \"  " is the quoted field "a ".
        var trimmed = value.Trim();
        if (trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[^1] == '"')
        {
            return Unquote(trimmed);
        }

        return trimUnquoted ? trimmed : value;
    }

    // What stands between the quotes is kept exactly, line breaks as the file wrote them: only "" becomes ".
    // Most quoted fields hold no quote of their own and are returned without a copy.
    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> quoted)
    {
        var inner = quoted[1..^1];
        return inner.Contains('"') ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
    }
}
