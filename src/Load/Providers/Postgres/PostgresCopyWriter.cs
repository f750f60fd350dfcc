using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Npgsql;

namespace Bascule.Load.Providers.Postgres;

/// <summary>
/// Writes rows in PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format")
/// through Npgsql's raw copy stream. Values are encoded straight into one pooled buffer that goes to the server in large
/// chunks: Npgsql's own importer resolves a converter and writes every column through a generic path, which costs
/// seconds of client CPU per million rows on a machine the server needs too.
/// </summary>
/// <remarks>
/// Call <see cref="CompleteAsync"/> after the last row; disposing without completing aborts the COPY and the server
/// discards its rows. Values are written as Npgsql writes them: strict UTF-8, <see cref="DateOnly.MinValue"/> and
/// <see cref="DateOnly.MaxValue"/> as <c>-infinity</c> and <c>infinity</c>, amounts as NUMERIC with two decimals.
/// </remarks>
internal sealed class PostgresCopyWriter : IRowSink, IAsyncDisposable
{
    // Big enough that a chunk is one large CopyData message; a longer value grows the buffer.
    private const int ChunkSize = 128 * 1024;

    private const short AmountScale = 2;

    // Like Npgsql's: a lone surrogate fails the row instead of silently becoming U+FFFD.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly short _columns;
    private readonly CancellationToken _cancellationToken;
    private byte[] _buffer;
    private int _used;
    private int _fields;
    private bool _completed;

    private PostgresCopyWriter(NpgsqlRawCopyStream stream, int columns, CancellationToken cancellationToken)
    {
        _stream = stream;
        _columns = (short)columns;
        _cancellationToken = cancellationToken;
        _buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);

        // Header: signature, flags (no OIDs), header extension length.
        var header = Reserve(19);
        "PGCOPY\n"u8.CopyTo(header);
        header[7] = 0xFF;
        "\r\n\0"u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32BigEndian(header[11..], 0);
        BinaryPrimitives.WriteInt32BigEndian(header[15..], 0);
        _used += 19;
    }

    /// <summary>Starts <paramref name="copyCommand"/> (a <c>COPY ... FROM STDIN (FORMAT BINARY)</c> of <paramref name="columns"/>
    /// columns).</summary>
    /// <param name="cancellationToken">Also checked before every chunk: a cancelled token stops the rows, and disposing then aborts the
    /// COPY.</param>
    public static async Task<PostgresCopyWriter> BeginAsync(
        NpgsqlConnection connection,
        string copyCommand,
        int columns,
        CancellationToken cancellationToken)
    {
        // A row's field count is an int16; checked before the COPY starts, so that nothing is left half open.
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, short.MaxValue);
        var stream = await connection.BeginRawBinaryCopyAsync(copyCommand, cancellationToken);
        return new PostgresCopyWriter(stream, columns, cancellationToken);
    }

    public void BeginRow()
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), _columns);
        _used += 2;
        _fields = 0;
    }

    public void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        // The worst case is cheap to compute and almost always fits; only a very long text is measured first.
        var worst = StrictUtf8.GetMaxByteCount(value.Length);
        var field = Reserve(4 + (worst <= ChunkSize ? worst : StrictUtf8.GetByteCount(value)));
        var length = StrictUtf8.GetBytes(value, field[4..]);
        BinaryPrimitives.WriteInt32BigEndian(field, length);
        Wrote(4 + length);
    }

    public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length)
    {
        var field = Reserve(4 + utf8.Length);
        BinaryPrimitives.WriteInt32BigEndian(field, utf8.Length);
        utf8.CopyTo(field[4..]);
        Wrote(4 + utf8.Length);
    }

    public void Number(int value)
    {
        var field = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(field, 4);
        BinaryPrimitives.WriteInt32BigEndian(field[4..], value);
        Wrote(8);
    }

    public void BigNumber(long value)
    {
        var field = Reserve(12);
        BinaryPrimitives.WriteInt32BigEndian(field, 8);
        BinaryPrimitives.WriteInt64BigEndian(field[4..], value);
        Wrote(12);
    }

    public void Amount(Amount value) => Numeric(value.Value);

    /// <summary>
    /// Any decimal into a NUMERIC(19,2) column, rounded as PostgreSQL rounds it. An amount never
    /// has a third decimal; the tests hold this encoding to Npgsql's with decimals that do.
    /// </summary>
    internal void Numeric(decimal value)
    {
        // Length, header of four int16 and at most six base-10000 digits (up to 2^64 hundredths, see WriteNumeric).
        var field = Reserve(4 + 8 + (6 * 2));
        var length = WriteNumeric(field[4..], value);
        BinaryPrimitives.WriteInt32BigEndian(field, length);
        Wrote(4 + length);
    }

    public void Day(DateOnly? value)
    {
        if (value is not { } date)
        {
            Null();
            return;
        }

        // As Npgsql does, the extreme dates stand for PostgreSQL's infinities.
        var days = date == DateOnly.MinValue ? int.MinValue
            : date == DateOnly.MaxValue ? int.MaxValue
            : date.DayNumber - Epoch;
        var field = Reserve(8);
        BinaryPrimitives.WriteInt32BigEndian(field, 4);
        BinaryPrimitives.WriteInt32BigEndian(field[4..], days);
        Wrote(8);
    }

    public void EndRow()
    {
        // A row with another number of fields would be refused by the server, or worse, shift the next row's values.
        if (_fields != _columns)
        {
            throw new InvalidOperationException($"A row of {_columns} columns received {_fields} values.");
        }
    }

    /// <summary>Sends the rest of the rows and the trailer, and ends the COPY: a row the server refuses fails here.</summary>
    public async Task CompleteAsync()
    {
        BinaryPrimitives.WriteInt16BigEndian(Reserve(2), -1);
        _used += 2;
        await _stream.WriteAsync(_buffer.AsMemory(0, _used), _cancellationToken);
        _used = 0;
        _completed = true;
        // Disposing a raw copy stream that is writing sends CopyDone and waits for the server's CommandComplete.
        await _stream.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await AbortAsync();
        }

        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>PostgreSQL's binary NUMERIC of <paramref name="value"/> rounded to two decimals; returns the bytes written.</summary>
    /// <exception cref="OverflowException">The amount is far beyond NUMERIC(19,2), which the server would refuse too.</exception>
    internal static int WriteNumeric(Span<byte> destination, decimal value)
    {
        // An amount is almost always a whole number of hundredths below 2^64, read straight from the decimal's bits.
        // Any other is rounded half away from zero, as PostgreSQL rounds into NUMERIC(19,2).
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var hundredths = ((bits[3] >> 16) & 0xFF) == AmountScale && bits[2] == 0
            ? unchecked(((ulong)(uint)bits[1] << 32) | (uint)bits[0])
            : decimal.ToUInt64(Math.Abs(decimal.Round(value, AmountScale, MidpointRounding.AwayFromZero)) * 100m);

        // Base-10000 digits, most significant first: the whole part's, then one for the two decimals ("0.01" is 0100).
        Span<short> digits = stackalloc short[6];
        var first = digits.Length - 1;
        digits[first] = (short)(hundredths % 100 * 100);
        for (var whole = hundredths / 100; whole != 0; whole /= 10000)
        {
            digits[--first] = (short)(whole % 10000);
        }

        var weight = digits.Length - 2 - first;
        var end = digits.Length;
        while (end > first && digits[end - 1] == 0)
        {
            end--;
        }

        var count = end - first;
        var negative = value < 0m && count > 0;
        BinaryPrimitives.WriteInt16BigEndian(destination, (short)count);
        BinaryPrimitives.WriteInt16BigEndian(destination[2..], (short)(count == 0 ? 0 : weight));
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], negative ? (ushort)0x4000 : (ushort)0x0000);
        BinaryPrimitives.WriteInt16BigEndian(destination[6..], AmountScale);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(destination[(8 + (2 * i))..], digits[first + i]);
        }

        return 8 + (2 * count);
    }

    private void Null()
    {
        BinaryPrimitives.WriteInt32BigEndian(Reserve(4), -1);
        Wrote(4);
    }

    private void Wrote(int bytes)
    {
        _used += bytes;
        _fields++;
    }

    // Room for `bytes` more at the end of the buffer: the chunk so far goes to the server first when they do not fit.
    private Span<byte> Reserve(int bytes)
    {
        if (_buffer.Length - _used < bytes)
        {
            Flush();
            if (_buffer.Length < bytes)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = ArrayPool<byte>.Shared.Rent(bytes);
            }
        }

        return _buffer.AsSpan(_used, bytes);
    }

    // Rows are produced synchronously (IRowSink), so a chunk is written synchronously too, as Npgsql's importer does.
    private void Flush()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        _stream.Write(_buffer, 0, _used);
        _used = 0;
    }

    private async ValueTask AbortAsync()
    {
        try
        {
            // CopyFail: the server discards every row of this COPY and the connection stays usable.
            await _stream.CancelAsync();
        }
#pragma warning disable CA1031 // The fault that stopped the rows is already on its way to the caller; it must not be replaced.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Usually that fault broke the connection too, and there is nothing left to abort.
        }
    }
}
