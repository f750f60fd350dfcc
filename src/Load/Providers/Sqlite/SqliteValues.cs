using System.Runtime.InteropServices;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// The few calls of SQLite's C API made once per value, bound straight to the bundled library that SQLitePCLRaw loads
/// (<c>e_sqlite3</c>) on the statement's raw pointer. Through SQLitePCLRaw each such call passes an interface, a
/// SafeHandle's reference count (two interlocked operations) and a full transition out of managed code: with two dozen
/// values a row that was a good part of a load's and a scan's processor time. These calls neither block nor call back
/// into .NET, so they skip the GC transition too. Statements are still prepared, stepped, reset and finalised through
/// SQLitePCLRaw, whose handle the caller keeps alive while it uses the pointer.
/// </summary>
internal static unsafe partial class SqliteValues
{
    private const string Library = "e_sqlite3";

    // SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.
    private static readonly IntPtr Transient = new(-1);

    // SQLITE_STATIC: SQLite reads the bytes where they are.
    private static readonly IntPtr Static = IntPtr.Zero;

    public const int NullType = 5;

    public static int BindText(IntPtr statement, int index, ReadOnlySpan<byte> utf8) => BindText(statement, index, utf8, Transient);

    /// <summary>
    /// Binds bytes that stay where they are, unchanged, until the statement is stepped and reset (SQLITE_STATIC): SQLite
    /// reads them in place instead of copying them into memory of its own first.
    /// </summary>
    public static int BindTextInPlace(IntPtr statement, int index, ReadOnlySpan<byte> utf8) =>
        BindText(statement, index, utf8, Static);

    private static int BindText(IntPtr statement, int index, ReadOnlySpan<byte> utf8, IntPtr destructor)
    {
        fixed (byte* text = utf8)
        {
            // A null pointer would bind NULL: an empty text is bound from a valid address, copied, as it lives on this stack.
            byte empty = 0;
            return utf8.IsEmpty
                ? sqlite3_bind_text(statement, index, &empty, 0, Transient)
                : sqlite3_bind_text(statement, index, text, utf8.Length, destructor);
        }
    }

    public static ReadOnlySpan<byte> ColumnUtf8(IntPtr statement, int column)
    {
        var text = sqlite3_column_text(statement, column);
        return text is null ? default : new ReadOnlySpan<byte>(text, sqlite3_column_bytes(statement, column));
    }

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_bind_null(IntPtr statement, int index);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial long sqlite3_column_int64(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    public static partial int sqlite3_column_type(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial byte* sqlite3_column_text(IntPtr statement, int column);

    [LibraryImport(Library), SuppressGCTransition]
    private static partial int sqlite3_column_bytes(IntPtr statement, int column);
}
