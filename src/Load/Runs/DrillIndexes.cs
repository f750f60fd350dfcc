using System.Data.Common;
using Bascule.Load.Providers;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>
/// The drill-down's indexes, one set per run: partial (filtered) indexes on <c>staged_lines</c> limited to one run's rows
/// (<c>WHERE run_id = '…'</c>), each ending with the line key, so that a page of a large account reads one page's worth of
/// entries instead of sorting the account's lines. Built after a run is published or held, never during a load: indexes on
/// the whole table cost every load 40 to 50 s per million lines (bench/README.md, DrillBench), while another run's partial
/// index only costs a load the test of its condition on each row. Only the runs a reader is expected to open (published
/// and held) have them; those of other runs, of runs that no longer exist, and any index left half-built by an
/// interruption are dropped by <see cref="SyncAsync"/>, which is safe to run again at any time and from several processes
/// (on PostgreSQL they take turns, on SQLite a build waits until no run is loading).
/// The drill-down gives the same lines without them, slower.
/// </summary>
public static partial class DrillIndexes
{
    /// <summary>Every drill-down index's name starts so: the name is the prefix, the list and the run id without dashes.</summary>
    public const string Prefix = "ix_drill_";

    /// <summary>
    /// How many runs have indexes on SQLite: the most recently finished published or held runs. SQLite tests each partial
    /// index's condition on every row a load inserts, about 3.3 s of processor time per million lines for each indexed run
    /// (bench/README.md, DrillBench), so a staging file holding many runs would tax every load; older runs' pages are served
    /// without them, slower. PostgreSQL and SQL Server index every published and held run (a few hundredths of a second
    /// of the server's time per run and million lines).
    /// </summary>
    public const int SqliteIndexedRuns = 2;

    /// <summary>The lists served, by name, and the index columns of each: the list's filter, then the line key.</summary>
    public static IReadOnlyList<(string List, string Columns)> Lists { get; } =
    [
        ("account", "account, source_file, record, part"),
        ("target", "target_account, source_file, record, part"),
        // A journal's lines are listed document by document: one index serves the journal, a document, the unbalanced documents.
        ("document", "journal, document, source_file, record, part"),
        ("article", "article, source_file, record, part"),
        ("rule", "rule_id, source_file, record, part"),
    ];

    /// <summary>The name of a run's index for a list of <see cref="Lists"/>.</summary>
    public static string Name(string list, RunId run) => Prefix + list + "_" + Hex(run);

    /// <summary>
    /// The run an index of this family names, or null for any other name. A run id is a GUID: its 32 hexadecimal digits,
    /// dashes removed, are what the name carries (and all the run-specific text any of this SQL carries).
    /// </summary>
    public static RunId? RunOf(string indexName)
    {
        if (indexName is null || !OwnName().IsMatch(indexName))
        {
            return null;
        }

        return RunId.TryParse(Guid.ParseExact(indexName[^32..], "N").ToString("D"), out var run) ? run : null;
    }

    /// <summary>
    /// The run id as an SQL string literal: the partial indexes are used only by a query whose condition names the run as
    /// their own condition does (SQLite, SQL Server), so the drill-down's page names it too. Safe: a <see cref="RunId"/> is a
    /// parsed GUID, 36 hexadecimal digits and dashes, nothing else.
    /// </summary>
    public static string Literal(RunId run) =>
        "'" + Guid.ParseExact(run.Value ?? throw new ArgumentException("An empty run id.", nameof(run)), "D").ToString("D") + "'";

    /// <summary>
    /// Brings the drill-down indexes in line with the runs: drops those of runs that are neither published nor held (or no
    /// longer exist, or on SQLite are not among the <see cref="SqliteIndexedRuns"/> most recently finished) and those an
    /// interruption left incomplete, then builds the missing ones of the published and held runs (of
    /// <paramref name="only"/> alone when given), most recently finished first, one index at a time. Each index is either there,
    /// whole, or not: an interrupted build leaves none (SQLite, SQL Server: one statement) or an invalid one that the next
    /// sync drops (PostgreSQL's concurrent build). With <paramref name="build"/> false, only drops.
    /// </summary>
    public static async Task<DrillIndexSync> SyncAsync(
        IStagingProvider provider,
        RunId? only,
        bool build,
        Action<string>? built,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        // One sync at a time on a PostgreSQL database (serve processes, migrate commands): an index another process is
        // building looks incomplete, and must not be dropped as left over. Released with the session, whatever happens.
        if (provider.Kind == StagingProviderKind.Postgres)
        {
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(hashtext('bascule:drill-indexes'))", cancellationToken);
        }

        var existing = await ExistingAsync(connection, provider.Kind, cancellationToken);
        var wanted = (await connection.QueryAsync<string>(new CommandDefinition(
                "SELECT run_id FROM runs WHERE status IN ('published', 'held') ORDER BY finished_utc DESC, started_utc DESC, run_id DESC",
                cancellationToken: cancellationToken)))
            .Select(RunId.Parse)
            .Take(provider.Kind == StagingProviderKind.Sqlite ? SqliteIndexedRuns : int.MaxValue)
            .ToList();
        var keep = wanted.ToHashSet();
        var dropped = 0;
        // A name outside the family's exact form (RunOf is null) is not one of ours: left alone, never put into SQL.
        foreach (var (name, valid) in existing)
        {
            if (RunOf(name) is { } run && (!valid || !keep.Contains(run)))
            {
                await ExecuteAsync(connection, Drop(provider.Kind, name), cancellationToken);
                dropped++;
            }
        }

        var created = 0;
        if (build)
        {
            var present = existing.Where(e => e.Valid).Select(e => e.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var run in wanted.Where(r => only is null || r == only))
            {
                foreach (var (list, _) in Lists)
                {
                    var name = Name(list, run);
                    if (present.Contains(name))
                    {
                        continue;
                    }

                    // SQLite has one writer: a build holds the write lock for seconds, which a load must not wait for.
                    if (provider.Kind == StagingProviderKind.Sqlite && await LoadingAsync(connection, cancellationToken))
                    {
                        return new DrillIndexSync(created, dropped) { Deferred = true };
                    }

                    await ExecuteAsync(connection, Create(provider.Kind, list, run), cancellationToken);
                    created++;
                    built?.Invoke(name);
                }
            }
        }

        return new DrillIndexSync(created, dropped);
    }

    private static async Task<bool> LoadingAsync(DbConnection connection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(
            new CommandDefinition("SELECT COUNT(*) FROM runs WHERE status = 'loading'", cancellationToken: cancellationToken)) > 0;

    /// <summary>Drops a run's drill-down indexes, before its rows are deleted.</summary>
    public static async Task DropAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        foreach (var (name, _) in await ExistingAsync(connection, provider.Kind, cancellationToken))
        {
            if (RunOf(name) == run)
            {
                await ExecuteAsync(connection, Drop(provider.Kind, name), cancellationToken);
            }
        }
    }

    /// <summary>The query of <see cref="ExistingAsync"/> in each engine's catalog.</summary>
    public static string ExistingSql(StagingProviderKind engine) => engine switch
    {
        StagingProviderKind.Postgres =>
            """
            SELECT c.relname AS Name, i.indisvalid AND i.indisready AS Valid
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = 'staged_lines'::regclass AND c.relname LIKE 'ix\_drill\_%'
            """,
        StagingProviderKind.SqlServer =>
            "SELECT name AS Name, CAST(1 AS BIT) AS Valid FROM sys.indexes WHERE object_id = OBJECT_ID('staged_lines') AND name LIKE "
                + "'ix[_]drill[_]%'",
        _ => "SELECT name AS Name, 1 AS Valid FROM sqlite_master WHERE type = 'index' AND tbl_name = 'staged_lines' AND name LIKE "
            + "'ix\\_drill\\_%' ESCAPE '\\'",
    };

    /// <summary>The drill-down indexes on staged_lines, and whether each is complete (PostgreSQL's <c>indisvalid</c>).</summary>
    public static async Task<IReadOnlyList<(string Name, bool Valid)>> ExistingAsync(
        DbConnection connection,
        StagingProviderKind engine,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var sql = ExistingSql(engine);
        return (await connection.QueryAsync<IndexRow>(new CommandDefinition(sql, cancellationToken: cancellationToken)))
            .Select(r => (r.Name, Convert.ToBoolean(r.Valid, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>
    /// The statement that builds a run's index for one of <see cref="Lists"/>. PostgreSQL builds it concurrently: loads of
    /// other runs go on while it is built (a plain build would lock them out of the table). SQL Server builds it offline,
    /// holding the table's shared lock for the build (an online build needs its Enterprise edition).
    /// </summary>
    public static string Create(StagingProviderKind engine, string list, RunId run)
    {
        var columns = Lists.Single(l => l.List == list).Columns;
        var name = Name(list, run);
        var literal = Literal(run);
        return engine switch
        {
            StagingProviderKind.Postgres => $"CREATE INDEX CONCURRENTLY IF NOT EXISTS {name} ON staged_lines ({columns}) WHERE run_id = "
                + $"{literal}",
            StagingProviderKind.SqlServer =>
                $"IF INDEXPROPERTY(OBJECT_ID('staged_lines'), '{name}', 'IndexID') IS NULL CREATE INDEX {name} ON staged_lines "
                    + $"({columns}) WHERE run_id = {literal}",
            _ => $"CREATE INDEX IF NOT EXISTS {name} ON staged_lines ({columns}) WHERE run_id = {literal}",
        };
    }

    /// <summary>
    /// The statement that drops one index of the family (any other name is refused); on PostgreSQL concurrently, so that
    /// it never waits with the table locked.
    /// </summary>
    public static string Drop(StagingProviderKind engine, string name)
    {
        if (RunOf(name) is null)
        {
            throw new ArgumentException($"'{name}' is not a drill-down index.", nameof(name));
        }

        return engine switch
        {
            StagingProviderKind.Postgres => $"DROP INDEX CONCURRENTLY IF EXISTS {name}",
            StagingProviderKind.SqlServer => $"DROP INDEX IF EXISTS {name} ON staged_lines",
            _ => $"DROP INDEX IF EXISTS {name}",
        };
    }

    // No time limit: a build on a large run takes as long as it takes, and a cancellation still stops it.
    private static Task<int> ExecuteAsync(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, commandTimeout: 0, cancellationToken: cancellationToken));

    [System.Text.RegularExpressions.GeneratedRegex("^ix_drill_[a-z]+_[0-9a-f]{32}$")]
    private static partial System.Text.RegularExpressions.Regex OwnName();

    private static string Hex(RunId run)
        => Guid.ParseExact(run.Value ?? throw new ArgumentException("An empty run id.", nameof(run)), "D").ToString("N");

    private sealed class IndexRow
    {
        public string Name { get; set; } = "";

        public object Valid { get; set; } = false;
    }
}

/// <summary>What <see cref="DrillIndexes.SyncAsync"/> did: indexes built and dropped.</summary>
public sealed record DrillIndexSync(int Created, int Dropped)
{
    /// <summary>True when building stopped because a run is loading (SQLite: one writer); the next sync goes on.</summary>
    public bool Deferred { get; init; }
}
