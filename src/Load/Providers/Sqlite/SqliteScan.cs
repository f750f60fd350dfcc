using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// One query's rows read forward in our own process, columns by position, text as the UTF-8 bytes SQLite holds (no string
/// made unless asked for). For a pass that sums a run's rows itself: SQLite's GROUP BY sorts every row first, which on a
/// large run costs several times the scan. The query takes the run id as <c>@run</c>.
/// </summary>
public sealed class SqliteScan : IDisposable
{
    private const int Row = 100;
    private const int Done = 101;
    // How many rows between two looks at the cancellation token.
    private const int RowsPerCancellationCheck = 1 << 14;

    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _pointer;
    private readonly CancellationToken _cancellationToken;
    private int _untilCheck = RowsPerCancellationCheck;

    private SqliteScan(SqliteConnection connection, string sql, string run, RowidRange? rows, CancellationToken cancellationToken)
    {
        _database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        _cancellationToken = cancellationToken;
        Check(raw.sqlite3_prepare_v2(_database, sql, out _statement));
        _pointer = _statement.DangerousGetHandle();
        Check(raw.sqlite3_bind_text(_statement, raw.sqlite3_bind_parameter_index(_statement, "@run"), run));
        if (rows is { } range)
        {
            Check(raw.sqlite3_bind_int64(_statement, raw.sqlite3_bind_parameter_index(_statement, "@from"), range.First));
            Check(raw.sqlite3_bind_int64(_statement, raw.sqlite3_bind_parameter_index(_statement, "@to"), range.Last));
        }
    }

    /// <summary>The scan, on an open connection of the SQLite provider.</summary>
    public static SqliteScan Open(DbConnection connection, string sql, string run, CancellationToken cancellationToken) =>
        new((SqliteConnection)connection, sql, run, null, cancellationToken);

    /// <summary>The scan of a query that also takes a range of rowids, as <c>@from</c> and <c>@to</c> (both included).</summary>
    public static SqliteScan Open(DbConnection connection, string sql, string run, RowidRange rows, CancellationToken cancellationToken) =>
        new((SqliteConnection)connection, sql, run, rows, cancellationToken);

    /// <summary>
    /// The first and last rowid of a run's staged lines, null when it has none: each one seek in the run's index. A run's
    /// rows are appended, so its rows lie between the two; another run loading at the same time may have rows between them
    /// too, which a query by run leaves out.
    /// </summary>
    public static async Task<RowidRange?> StagedLinesOfAsync(DbConnection connection, string run, CancellationToken cancellationToken)
    {
        var (first, last) = await connection.QuerySingleAsync<(long? First, long? Last)>(
            new CommandDefinition(StagedLinesBounds, new { run }, cancellationToken: cancellationToken));
        return first is { } from && last is { } to ? new RowidRange(from, to) : null;
    }

    /// <summary>Moves to the next row; false after the last.</summary>
    public bool Read()
    {
        if (--_untilCheck == 0)
        {
            _untilCheck = RowsPerCancellationCheck;
            _cancellationToken.ThrowIfCancellationRequested();
        }

        var result = raw.sqlite3_step(_statement);
        if (result == Row)
        {
            return true;
        }

        if (result != Done)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }

        return false;
    }

    /// <summary>A whole number (an amount in cents, as SQLite stores them); 0 for NULL.</summary>
    public long Whole(int column) => SqliteValues.sqlite3_column_int64(_pointer, column);

    public bool IsNull(int column) => SqliteValues.sqlite3_column_type(_pointer, column) == SqliteValues.NullType;

    /// <summary>A text column's UTF-8 bytes, valid until the next <see cref="Read"/>; empty for NULL.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => SqliteValues.ColumnUtf8(_pointer, column);

    public void Dispose() => _statement.Dispose();

    // SQLite's own SQL: MIN and MAX in one query would read the whole run's index.
    private const string StagedLinesBounds =
        "SELECT (SELECT rowid FROM staged_lines WHERE run_id = @run ORDER BY rowid LIMIT 1), "
        + "(SELECT rowid FROM staged_lines WHERE run_id = @run ORDER BY rowid DESC LIMIT 1)";

    private void Check(int result)
    {
        if (result != 0)
        {
            SqliteException.ThrowExceptionForRC(result, _database);
        }
    }
}

/// <summary>The rowids from <paramref name="First"/> to <paramref name="Last"/>, both included.</summary>
public readonly record struct RowidRange(long First, long Last)
{
    /// <summary>The range cut into at most <paramref name="parts"/> ranges of about the same length, in order.</summary>
    public IReadOnlyList<RowidRange> Split(int parts)
    {
        var length = Last - First + 1;
        var count = (int)Math.Clamp(parts, 1, Math.Max(length, 1));
        var ranges = new List<RowidRange>(count);
        for (var i = 0; i < count; i++)
        {
            ranges.Add(new RowidRange(First + (long)((Int128)length * i / count), First + (long)((Int128)length * (i + 1) / count) - 1));
        }

        return ranges;
    }
}
