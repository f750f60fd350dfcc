using System.Buffers;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Tables;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// Runs prepared INSERTs of one row, or of several rows at once (<see cref="SqliteStagingProvider.RowsPerStatement"/>), through
/// SQLite's own statement API (SQLitePCLRaw, the layer Microsoft.Data.Sqlite is
/// built on), binding each value by position. Microsoft.Data.Sqlite's command looks every parameter up by name, boxes
/// every value and re-binds them all on each execution: with two dozen columns that was most of a load's time. The
/// values are stored exactly as that command stored them: text as UTF-8, whole numbers and amounts (integer cents) as
/// integers, dates as ISO text. The values are bound on the statement's pointer (<see cref="SqliteValues"/>), the statements
/// held here until the sink is disposed. A text bound in place stays bound until its group of rows is stepped, which
/// happens within the copy that gave it (<see cref="IRowSink.Utf8"/>).
/// </summary>
internal sealed class SqliteRowSink : IRowSink, IDisposable
{
    private const int Done = 101;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly sqlite3_stmt? _group;
    private readonly IntPtr _single;
    private readonly IntPtr _grouped;
    private readonly int _columns;
    private readonly int _rowsPerGroup;
    private readonly long _groupedRows;
    private byte[] _utf8 = ArrayPool<byte>.Shared.Rent(4096);
    private IntPtr _pointer;
    private long _row;
    private int _index;

    /// <summary>One row per statement.</summary>
    public SqliteRowSink(SqliteConnection connection, string insertSql)
        : this(connection, insertSql, null, 0, 1, 0)
    {
    }

    /// <summary>
    /// The <paramref name="rows"/> rows of one table, <paramref name="rowsPerGroup"/> to a statement while a whole group
    /// is left, then one by one.
    /// </summary>
    public SqliteRowSink(SqliteConnection connection, StagingTable table, long rows, int rowsPerGroup)
        : this(
            connection,
            table.InsertRowsSql(1),
            rows >= rowsPerGroup && rowsPerGroup > 1 ? table.InsertRowsSql(rowsPerGroup) : null,
            table.Columns.Count,
            rowsPerGroup,
            rowsPerGroup > 1 ? rows / rowsPerGroup * rowsPerGroup : 0)
    {
    }

    private SqliteRowSink(SqliteConnection connection, string insertSql, string? groupSql, int columns, int rowsPerGroup, long groupedRows)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(raw.sqlite3_prepare_v2(_database, insertSql, out _statement));
        _single = _statement.DangerousGetHandle();
        if (groupSql is not null)
        {
            Check(raw.sqlite3_prepare_v2(_database, groupSql, out var group));
            _group = group;
            _grouped = group.DangerousGetHandle();
        }

        (_columns, _rowsPerGroup, _groupedRows) = (columns, rowsPerGroup, _group is null ? 0 : groupedRows);
    }

    public void BeginRow()
    {
        if (_row < _groupedRows)
        {
            _pointer = _grouped;
            _index = (int)(_row % _rowsPerGroup) * _columns;
        }
        else
        {
            _pointer = _single;
            _index = 0;
        }
    }

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

    // The bytes stay in place until the copy ends (IRowSink.Utf8), and the last row of the copy steps its group: bound in place.
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
        var row = _row++;
        if (row >= _groupedRows)
        {
            Step(_statement);
        }
        else if (row % _rowsPerGroup == _rowsPerGroup - 1)
        {
            Step(_group!);
        }
    }

    private void Step(sqlite3_stmt statement)
    {
        var result = raw.sqlite3_step(statement);
        // Reset at once, so the statement is reusable whatever happened; the step's own result is the one reported.
        raw.sqlite3_reset(statement);
        if (result != Done)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }

    public void Dispose()
    {
        _statement.Dispose();
        _group?.Dispose();
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
