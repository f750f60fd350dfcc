using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Runs;

namespace Bascule.Load.Rows;

/// <summary>
/// One table's rows of a batch, encoded as they are added, in a compact form that every provider's sink reads back
/// (<see cref="CopyTo"/>): text as UTF-8 with its length in UTF-16 code units, whole numbers, amounts in 64-bit cents (as
/// SQLite stores them and the fingerprint writes them: up to about 92 thousand billion euros) and days as numbers.
/// <para>
/// The parsed lines and their strings die as soon as they are encoded. Kept as objects until their batch was written,
/// hundreds of thousands of them outlived the collector's youngest generation and were copied twice before they died,
/// which cost a load more processor time than writing them. Each value is encoded once, for the database and the
/// fingerprint alike. A string that is not valid UTF-16 (a lone surrogate) is kept as it is, so that each sink treats it
/// as it always did. The buffer's memory is pinned (a sink may read a text in place until the copy ends) and reused from
/// batch to batch.
/// </para>
/// </summary>
public sealed class RowBuffer : IRowSink
{
    private const byte TextNull = 0;
    private const byte Utf8Text = 1;
    private const byte KeptText = 2;
    private const byte WholeNumber = 3;
    private const byte BigWholeNumber = 4;
    private const byte Cents = 5;
    private const byte DayNumber = 6;
    private const byte DayNull = 7;
    private const byte RowEnd = 8;

    private readonly List<string> _kept = [];
    private byte[] _bytes = [];
    private int _length;
    private int _rowStart;

    /// <summary>The rows encoded so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Starts a row (the values after <c>run_id</c> and <c>batch</c>, which <see cref="CopyTo"/> writes itself).</summary>
    public void BeginRow() => _rowStart = _length;

    public void Text(string? value)
    {
        if (value is null)
        {
            Tag(TextNull);
            return;
        }

        var room = Room(1 + 8 + Encoding.UTF8.GetMaxByteCount(value.Length));
        if (System.Text.Unicode.Utf8.FromUtf16(value, room[9..], out _, out var written, replaceInvalidSequences: false)
            == OperationStatus.Done)
        {
            room[0] = Utf8Text;
            MemoryMarshal.Write(room[1..], value.Length);
            MemoryMarshal.Write(room[5..], written);
            _length += 9 + written;
            return;
        }

        room[0] = KeptText;
        MemoryMarshal.Write(room[1..], _kept.Count);
        _kept.Add(value);
        _length += 5;
    }

    /// <summary>A text already in UTF-8: the buffer's own values, never written into it.</summary>
    void IRowSink.Utf8(ReadOnlySpan<byte> utf8, int utf16Length) =>
        throw new NotSupportedException("A row buffer encodes strings; it is never given UTF-8.");

    public void Number(int value)
    {
        var room = Room(5);
        room[0] = WholeNumber;
        MemoryMarshal.Write(room[1..], value);
        _length += 5;
    }

    public void BigNumber(long value) => Long(BigWholeNumber, value);

    public void Amount(Amount value) => Long(Cents, value.Cents);

    public void Day(DateOnly? value)
    {
        if (value is not { } day)
        {
            Tag(DayNull);
            return;
        }

        var room = Room(5);
        room[0] = DayNumber;
        MemoryMarshal.Write(room[1..], day.DayNumber);
        _length += 5;
    }

    public void EndRow()
    {
        Tag(RowEnd);
        Rows++;
    }

    /// <summary>Forgets the row begun last and not ended: its encoding failed half-way.</summary>
    public void DiscardRow() => _length = _rowStart;

    /// <summary>Writes every row to <paramref name="sink"/>, each opened with the run and the batch number.</summary>
    public void CopyTo(IRowSink sink, RunId run, int batchNumber)
    {
        // Its own for each copy: a batch is copied to the database and to the fingerprint at the same time.
        var runId = GC.AllocateUninitializedArray<byte>(Encoding.UTF8.GetByteCount(run.Value), pinned: true);
        Encoding.UTF8.GetBytes(run.Value, runId);
        ReadOnlySpan<byte> bytes = _bytes.AsSpan(0, _length);
        var at = 0;
        var open = false;
        while (at < bytes.Length)
        {
            if (!open)
            {
                sink.BeginRow();
                sink.Utf8(runId, run.Value.Length);
                sink.Number(batchNumber);
                open = true;
            }

            var tag = bytes[at++];
            switch (tag)
            {
                case TextNull:
                    sink.Text(null);
                    break;
                case Utf8Text:
                    var utf16Length = MemoryMarshal.Read<int>(bytes[at..]);
                    var byteLength = MemoryMarshal.Read<int>(bytes[(at + 4)..]);
                    sink.Utf8(bytes.Slice(at + 8, byteLength), utf16Length);
                    at += 8 + byteLength;
                    break;
                case KeptText:
                    sink.Text(_kept[MemoryMarshal.Read<int>(bytes[at..])]);
                    at += 4;
                    break;
                case WholeNumber:
                    sink.Number(MemoryMarshal.Read<int>(bytes[at..]));
                    at += 4;
                    break;
                case BigWholeNumber:
                    sink.BigNumber(MemoryMarshal.Read<long>(bytes[at..]));
                    at += 8;
                    break;
                case Cents:
                    sink.Amount(Extract.Values.Amount.FromCents(MemoryMarshal.Read<long>(bytes[at..])));
                    at += 8;
                    break;
                case DayNumber:
                    sink.Day(DateOnly.FromDayNumber(MemoryMarshal.Read<int>(bytes[at..])));
                    at += 4;
                    break;
                case DayNull:
                    sink.Day(null);
                    break;
                case RowEnd:
                    sink.EndRow();
                    open = false;
                    break;
                default:
                    throw new InvalidOperationException($"A row buffer holds an unknown value tag {tag} at {at - 1}.");
            }
        }

        // A sink may read the run id in place until the copy ends (its last rows are stepped at the last EndRow).
        GC.KeepAlive(runId);
    }

    /// <summary>Empties the buffer, keeping its memory for the next batch.</summary>
    public void Clear()
    {
        _length = 0;
        _rowStart = 0;
        Rows = 0;
        _kept.Clear();
    }

    /// <summary>Empties the buffer and lets its memory go: the rows are all written.</summary>
    public void Release()
    {
        Clear();
        _bytes = [];
    }

    private void Tag(byte tag)
    {
        Room(1)[0] = tag;
        _length++;
    }

    private void Long(byte tag, long value)
    {
        var room = Room(9);
        room[0] = tag;
        MemoryMarshal.Write(room[1..], value);
        _length += 9;
    }

    private Span<byte> Room(int bytes)
    {
        if (_bytes.Length - _length < bytes)
        {
            var size = Math.Max(Math.Max(_bytes.Length * 2, _length + bytes), 64 * 1024);
            var grown = GC.AllocateUninitializedArray<byte>(size, pinned: true);
            _bytes.AsSpan(0, _length).CopyTo(grown);
            _bytes = grown;
        }

        return _bytes.AsSpan(_length);
    }
}
