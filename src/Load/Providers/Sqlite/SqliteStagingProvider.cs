using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Schema;
using Bascule.Load.Tables;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bascule.Load.Providers.Sqlite;

/// <summary>
/// The embedded default: one SQLite file, WAL journal, a prepared INSERT reused for every row of a batch inside one
/// transaction. SQLite has one writer at a time: concurrent runs take turns, each waiting for the write lock up to the
/// connection's default timeout (busy_timeout), so two entities can load "at the same time" but their batches serialise.
/// </summary>
public sealed class SqliteStagingProvider : IStagingProvider
{
    /// <summary>The table of applied schema scripts, created before the first script runs.</summary>
    public const string SchemaVersionTable =
        "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL, applied_utc TEXT NOT NULL)";

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private readonly string _connectionString;
    private readonly int _busyTimeoutMilliseconds;
    // The database file to create 0600 before SQLite first opens it; null for an in-memory or read-only database.
    private readonly string? _createFile;
    private readonly Lock _creating = new();
    private volatile bool _fileCreated;

    /// <summary>A provider on the SQLite file of the connection string, whose folder must exist.</summary>
    public SqliteStagingProvider(string connectionString)
        : this(connectionString, defaultFile: null)
    {
    }

    private SqliteStagingProvider(string connectionString, string? defaultFile)
    {
        StagingTypeHandlers.Register();
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        }
        catch (ArgumentException ex)
        {
            // The driver's words ("Keyword not supported: 'dat source'") name neither the option nor what it takes.
            throw new ArgumentException(
                $"The SQLite connection string cannot be read: {Unreadable(ex, connectionString)}. Give --connection (or "
                    + "Staging:Connection) the staging file's path, e.g. --connection /var/lib/bascule/staging.db, or a connection "
                    + "string of key=value pairs separated by ';' whose keys SQLite knows, e.g. "
                    + "\"Data Source=/var/lib/bascule/staging.db\" (others: Mode, Cache, Default Timeout, Foreign Keys, Recursive "
                    + "Triggers, Pooling).",
                ex);
        }

        if (!string.IsNullOrEmpty(builder.Password))
        {
            // Refused before the file is created: the bundled SQLite cannot encrypt, and a password it ignores would mislead.
            throw new ArgumentException(
                "The SQLite connection string has a Password, but the bundled SQLite has no encryption: remove it, and protect the " +
                "staging file with the file permissions of the account that runs Bascule instead.",
                nameof(connectionString));
        }

        var file = FileOf(builder);
        // A folder the user named is never created: a mistyped path would put the staged data where nobody looks for it.
        if (file is not null && Path.GetDirectoryName(file) is { } folder && !Directory.Exists(folder))
        {
            throw new ArgumentException(MissingFolder(folder, defaultFile));
        }

        _connectionString = builder.ConnectionString;
        _busyTimeoutMilliseconds = checked(builder.DefaultTimeout * 1000);
        _createFile = builder.Mode == SqliteOpenMode.ReadWriteCreate ? file : null;
        Target = "SQLite " + builder.DataSource;
    }

    // Which keys SQLite does not know ('dat source'), as the driver's own message says with a link; else its message.
    // Only keys are named, never a value: a password may stand in a key SQLite does not know ("Pasword=...").
    private static string Unreadable(ArgumentException refusal, string connectionString)
    {
        var known = new SqliteConnectionStringBuilder();
        try
        {
            var unknown = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
                .Cast<string>()
                .Where(key => !known.TryGetValue(key, out _))
                .ToList();
            if (unknown.Count > 0)
            {
                return $"SQLite knows no key {string.Join(", ", unknown.Select(key => $"'{key}'"))}";
            }
        }
        catch (ArgumentException)
        {
            // Not even key=value pairs: the driver's message says where.
        }

        return ConnectionText.Problem(refusal, connectionString);
    }

    /// <summary>The schema scripts of the <c>sqlite</c> folder, upgraded under the file's write lock.</summary>
    public static SchemaRunner Schema { get; } = new("sqlite", SchemaVersionTable, new SqliteSchemaLock());

    public StagingProviderKind Kind => StagingProviderKind.Sqlite;

    public string Target { get; }

    /// <summary>
    /// The provider for a connection the user gave (a file path or a connection string), whose folder must exist; or,
    /// when it is empty, for <c>staging.db</c> under <paramref name="outFolder"/>, which is created (<c>0700</c>) when missing.
    /// </summary>
    public static SqliteStagingProvider Create(string? connection, string outFolder)
    {
        var defaultFile = Path.Combine(outFolder, "staging.db");
        if (string.IsNullOrWhiteSpace(connection))
        {
            try
            {
                OwnerOnly.CreateFolder(outFolder);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new ArgumentException(
                    $"The output folder {outFolder} of the SQLite staging file {defaultFile} cannot be created ({ex.Message}). " +
                    "Create it for the account that runs Bascule (mode 0700), or give a staging file with --connection.", ex);
            }
        }

        return new SqliteStagingProvider(ConnectionStringFor(connection, outFolder), defaultFile);
    }

    /// <summary>A path or a connection string; empty means <c>staging.db</c> under the output folder.</summary>
    public static string ConnectionStringFor(string? connection, string outFolder)
    {
        if (string.IsNullOrWhiteSpace(connection))
        {
            return new SqliteConnectionStringBuilder { DataSource = Path.Combine(outFolder, "staging.db") }.ConnectionString;
        }

        return connection.Contains('=', StringComparison.Ordinal)
            ? connection
            : new SqliteConnectionStringBuilder { DataSource = connection }.ConnectionString;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        CreateFileOnce();
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // WAL keeps readers unblocked while a run loads; NORMAL sync is safe in WAL (a crash may lose the last
            // commits, never corrupt them), and an unpublished run is simply redone. A load touches the right edge
            // of its table and lineage index: a 16 MB page cache holds it (64 MB was no faster, and its memory counts
            // in our process). A PRAGMA takes no parameters: the value is the integer timeout of the connection string.
            await connection.ExecuteAsync(
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384;");
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // A scan reads each page once: a small cache serves it as well, and two scans side by side do not hold 64 MB each.
    public Task<DbConnection> OpenForRunScanAsync(CancellationToken cancellationToken) =>
        RunScanSession.OpenAsync(OpenAsync(cancellationToken), "PRAGMA cache_size = -8192;", cancellationToken);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => Schema.EnsureAsync(OpenAsync, cancellationToken);

    /// <summary>
    /// Rows inserted by one statement. One row per statement paid SQLite's per-execution work (opening the table's and
    /// index's cursors, starting and resetting the program) a million times per million lines: 64 rows to a statement cut
    /// a 1,000,000-line <c>migrate</c>'s processor time by about 1.3 s (three alternating runs each; 16 rows gave most of it).
    /// </summary>
    internal const int RowsPerStatement = 64;

    public Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        StagingBatch batch,
        RunId run,
        int batchNumber,
        CancellationToken cancellationToken)
    {
        foreach (var table in StagingTables.All.Where(t => t.CountIn(batch) > 0))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // The statement runs on the connection, inside the batch's transaction.
            using var sink = new SqliteRowSink((SqliteConnection)connection, table, table.CountIn(batch), RowsPerStatement);
            table.Write(batch, run, batchNumber, sink);
        }

        return Task.CompletedTask;
    }

    public bool IsTransient(Exception exception) =>
        exception is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked };

    public Amount ReadAmount(DbDataReader reader, int ordinal) => Amount.FromCents(reader.GetInt64(ordinal));

    public string Scrub(string message) => ConnectionText.Scrub(message, _connectionString);

    public object ToParameter(Amount amount) => amount.Cents;

    // The file the account alone may read (0600), created before SQLite first opens it: SQLite would create it 0644
    // (less the umask), and its -wal and -shm files take the database file's mode.
    // Two first opens at once both wait until it is done, so neither lets SQLite create the file first.
    private void CreateFileOnce()
    {
        if (_createFile is null || _fileCreated)
        {
            return;
        }

        lock (_creating)
        {
            if (!_fileCreated)
            {
                OwnerOnly.CreateFile(_createFile);
                _fileCreated = true;
            }
        }
    }

    // The database file on disk; null for an in-memory database or a URI file name, which SQLite resolves itself.
    private static string? FileOf(SqliteConnectionStringBuilder builder)
    {
        var source = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(source) || source == ":memory:"
            || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? null
            : Path.GetFullPath(source);
    }

    private static string MissingFolder(string folder, string? defaultFile) =>
        $"The folder {folder} of the SQLite staging file does not exist, and Bascule does not create a folder it was given: create it " +
        "(mode 0700, for the account that runs Bascule), or " +
        (defaultFile is null
            ? "give a staging file in an existing folder."
            : $"omit --connection (and the setting Staging:Connection) to use {defaultFile}.");

    /// <summary>Closes the pooled connections, so the database file can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
        return ValueTask.CompletedTask;
    }
}
