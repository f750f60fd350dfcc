using System.Buffers;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// Runs one prepared INSERT per row through SQLite's own statement API (SQLitePCLRaw, the layer Microsoft.Data.Sqlite is
/// built on), binding each value by position. Microsoft.Data.Sqlite's command looks every parameter up by name, boxes
/// every value and re-binds them all on each execution: with two dozen columns that was most of a load's time. The
/// values are stored exactly as that command stored them: text as UTF-8, whole numbers and amounts (integer cents) as
/// integers, dates as ISO text. The values are bound on the statement's pointer (<see cref="SqliteValues"/>), the statement
/// held here until the sink is disposed.
/// </summary>
internal sealed class SqliteRowSink : IRowSink, IDisposable
{
    private const int Done = 101;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _pointer;
    private byte[] _utf8 = ArrayPool<byte>.Shared.Rent(4096);
    private int _index;

    public SqliteRowSink(SqliteConnection connection, string insertSql)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, insertSql, out _statement));
        _pointer = _statement.DangerousGetHandle();
    }

    public void BeginRow() => _index = 0;

    public void Text(string? value)
    {
        if (value is null)
        {
            Check(SqliteValues.sqlite3_bind_null(_pointer, ++_index));
            return;
        }

        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_utf8.Length < length)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            _utf8 = ArrayPool<byte>.Shared.Rent(length);
        }

        // Encoded as Microsoft.Data.Sqlite encodes it (a lone surrogate becomes U+FFFD); SQLite copies the bytes.
        var bytes = Encoding.UTF8.GetBytes(value, _utf8);
        Check(SqliteValues.BindText(_pointer, ++_index, _utf8.AsSpan(0, bytes)));
    }

    // The bytes stay in place until the row ends (IRowSink.Utf8), and the row ends with its step and reset: bound in place.
    public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length) => Check(SqliteValues.BindTextInPlace(_pointer, ++_index, utf8));

    public void Number(int value) => BigNumber(value);

    public void BigNumber(long value) => Check(SqliteValues.sqlite3_bind_int64(_pointer, ++_index, value));

    // SQLite has no exact decimal: amounts are stored as integer cents.
    public void Amount(Amount value) => BigNumber(value.Cents);

    public void Day(DateOnly? value)
    {
        if (value is not { } day)
        {
            Check(SqliteValues.sqlite3_bind_null(_pointer, ++_index));
            return;
        }

        Span<byte> text = stackalloc byte[10];
        day.TryFormat(text, out var written, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Check(SqliteValues.BindText(_pointer, ++_index, text[..written]));
    }

    public void EndRow()
    {
        var result = raw.sqlite3_step(_statement);
        // Reset at once, so the statement is reusable whatever happened; the step's own result is the one reported.
        raw.sqlite3_reset(_statement);
        if (result != Done)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        ArrayPool<byte>.Shared.Return(_utf8);
        _utf8 = [];
    }

    private void Check(int result)
    {
        if (result != 0)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}
