using System.Globalization;
using CsvHelper;

namespace Bascule.Extract.Csv;

/// <summary>
/// Writes one CSV file in a <see cref="CsvDialect"/>, a field at a time, through CsvHelper's writer: <see cref="Text"/>
/// for text (neutralised when the dialect says so), <see cref="Value"/> for what is never text (numbers, dates, codes
/// formatted by the caller), <see cref="EndRecord"/> after each record. A null field is an empty one.
/// Each field goes through CsvHelper as UTF-16 text and reaches the file through a <see cref="StreamWriter"/> in the
/// dialect's encoding, which also writes its byte order mark (UTF-8 with BOM for spreadsheets). Written to a stream that
/// may not block (an HTTP response), records end with <see cref="EndRecordAsync"/>.
/// </summary>
public sealed class CsvFileWriter : IDisposable, IAsyncDisposable
{
    private readonly CsvWriter _csv;
    private readonly bool _neutralise;

    private static readonly NumberFormatInfo DecimalComma = new() { NumberDecimalSeparator = ",", NegativeSign = "-" };

    /// <summary>Creates (or overwrites) the file at <paramref name="path"/> and writes its header record, as text.</summary>
    public CsvFileWriter(string path, CsvDialect dialect, IEnumerable<string> header)
        : this(new StreamWriter(
            path,
            append: false,
            (dialect ?? throw new ArgumentNullException(nameof(dialect))).Encoding,
            bufferSize: 1 << 16), dialect, header)
    {
    }

    /// <summary>Writes to <paramref name="stream"/>, left open when the writer is disposed, starting with the header record.</summary>
    public CsvFileWriter(Stream stream, CsvDialect dialect, IEnumerable<string> header)
        : this(new StreamWriter(
            stream,
            (dialect ?? throw new ArgumentNullException(nameof(dialect))).Encoding,
            bufferSize: 1 << 16,
            leaveOpen: true), dialect, header)
    {
    }

    private CsvFileWriter(StreamWriter text, CsvDialect dialect, IEnumerable<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        _csv = CsvWriter.Create(
            text,
            // Records of one file may differ in length: the caller decides, as with the writers before this one.
            new CsvWriterOptions {
                Separator = dialect.Separator,
                NewLine = dialect.NewLine,
                ValidateFieldCount = false,
                CommentPrefix = dialect.CommentPrefix },
            leaveOpen: false);
        _neutralise = dialect.NeutraliseFormulas;
        try
        {
            foreach (var name in header)
            {
                Text(name);
            }

            _csv.EndRecord();
        }
        catch
        {
            _csv.Dispose();
            throw;
        }
    }

    /// <summary>Data records written so far (the header is not one).</summary>
    public long Records { get; private set; }

    public CsvFileWriter Text(string? text)
    {
        _csv.WriteField(_neutralise && text is not null ? SpreadsheetText.Neutralise(text) : text);
        return this;
    }

    public CsvFileWriter Value(string? value)
    {
        _csv.WriteField(value);
        return this;
    }

    /// <summary>Euros with two decimals and a decimal comma, no grouping (<c>-1234,50</c>), as the exports write them; null is
    /// empty.</summary>
    public CsvFileWriter Euros(decimal? value) => Value(value?.ToString("0.00", DecimalComma));

    /// <summary>A comment line: the dialect's comment character, then <paramref name="text"/> as it is, never quoted.</summary>
    public void Comment(string text) => _csv.WriteComment(text);

    public void EndRecord()
    {
        _csv.EndRecord();
        Records++;
    }

    public async ValueTask EndRecordAsync(CancellationToken cancellationToken)
    {
        await _csv.EndRecordAsync(cancellationToken);
        Records++;
    }

    public void Dispose() => _csv.Dispose();

    public ValueTask DisposeAsync() => _csv.DisposeAsync();
}
