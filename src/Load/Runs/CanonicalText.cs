using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bascule.Extract.Values;

namespace Bascule.Load.Runs;

/// <summary>
/// The fingerprint's canonical text, written as UTF-8 bytes into a growable buffer. Shared by the fingerprint read back
/// from the database and the one computed while loading, so both always write the same bytes: invariant whole numbers,
/// amounts with two decimals, ISO dates, text prefixed with its length in UTF-16 code units, <c>~</c> for NULL, <c>|</c>
/// between values and a line feed after each row. Written straight as bytes: no intermediate strings.
/// </summary>
internal sealed class CanonicalText
{
    /// <summary>How much text is hashed at a time.</summary>
    public const int Chunk = 64 * 1024;

    private byte[] _bytes;
    private int _length;

    public CanonicalText(int capacity = Chunk + 4096) => _bytes = new byte[capacity];

    public int Length => _length;

    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, _length);

    public void Clear() => _length = 0;

    public void Null() => Byte((byte)'~');

    public void Separator() => Byte((byte)'|');

    public void EndRow() => Byte((byte)'\n');

    /// <summary>A table's header line: <c>#name</c>.</summary>
    public void Header(string table)
    {
        Byte((byte)'#');
        Utf8(table);
        EndRow();
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        Whole(value.Length);
        Byte((byte)':');
        Utf8(value);
    }

    /// <summary>A text already in UTF-8, with its length in UTF-16 code units: the same bytes as <see cref="Text(string?)"/>.</summary>
    public void Text(ReadOnlySpan<byte> utf8, int utf16Length)
    {
        Whole(utf16Length);
        Byte((byte)':');
        Append(utf8);
    }

    public void Whole(long value)
    {
        value.TryFormat(Room(20), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>From whole cents: <c>-12.50</c>, <c>0.05</c>, and never a negative zero.</summary>
    public void Amount(Amount value)
    {
        var cents = value.Cents;
        if (cents < 0)
        {
            Byte((byte)'-');
        }

        var magnitude = cents == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(cents);
        (magnitude / 100).TryFormat(Room(20), out var written, default, CultureInfo.InvariantCulture);
        _length += written;
        var hundredths = (int)(magnitude % 100);
        var room = Room(3);
        room[0] = (byte)'.';
        room[1] = (byte)('0' + (hundredths / 10));
        room[2] = (byte)('0' + (hundredths % 10));
        _length += 3;
    }

    public void Day(DateOnly? value)
    {
        if (value is not { } day)
        {
            Null();
            return;
        }

        day.TryFormat(Room(10), out var written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        _length += written;
    }

    /// <summary>Appends bytes written by another <see cref="CanonicalText"/>.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(Room(bytes.Length));
        _length += bytes.Length;
    }

    /// <summary>Hashes what was written and empties the buffer.</summary>
    public void HashInto(IncrementalHash hash)
    {
        hash.AppendData(Written);
        Clear();
    }

    private void Byte(byte value)
    {
        Room(1)[0] = value;
        _length++;
    }

    // A lone surrogate becomes U+FFFD, as in every UTF-8 text .NET writes by default.
    private void Utf8(string value)
    {
        _length += Encoding.UTF8.GetBytes(value, Room(Encoding.UTF8.GetMaxByteCount(value.Length)));
    }

    private Span<byte> Room(int bytes)
    {
        if (_bytes.Length - _length < bytes)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));
        }

        return _bytes.AsSpan(_length);
    }
}
