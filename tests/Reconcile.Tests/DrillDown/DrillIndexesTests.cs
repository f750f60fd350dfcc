using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Dapper;

namespace Bascule.Reconcile.Tests.DrillDown;

/// <summary>
/// The drill-down's per-run indexes on a real database: built for a published run (and only for runs published or held),
/// chosen by the database for a page (its own plan says so), dropped when the run is superseded, pruned or left
/// half-built; and every list gives the same lines, in the same order, with and without them. Run once per provider.
/// </summary>
public abstract class DrillIndexesTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private const int Small = 13;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_published_run_gets_one_index_per_list_that_its_pages_use_and_the_lines_are_the_same_without_them()
    {
        await using var provider = await NewProviderAsync();
        var version = SampleRun.WithoutEnergyRules(Temp);
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), version, Ct);
        var lines = (await RunLines.OpenAsync(
            provider,
            run,
            Path.GetDirectoryName(Path.GetDirectoryName(version))!,
            new ReportOptions(),
            Ct))!;
        var lists = await ListsAsync(provider, run);
        var without = new List<List<DrillLine>>();
        foreach (var list in lists)
        {
            without.Add(await AllPagesAsync(lines, list));
        }

        var sync = await DrillIndexes.SyncAsync(provider, run, build: true, built: null, Ct);

        Assert.Equal(DrillIndexes.Lists.Count, sync.Created);
        Assert.Equal(DrillIndexes.Lists.Select(l => DrillIndexes.Name(l.List, run)).Order(), (await IndexesOfAsync(provider, run)).Order());
        for (var i = 0; i < lists.Count; i++)
        {
            var with = await AllPagesAsync(lines, lists[i]);
            Assert.Equal(without[i].Select(Describe), with.Select(Describe));
        }

        Assert.NotEmpty(without[^1]);
        // Built already: a second sync builds and drops nothing.
        Assert.Equal(new DrillIndexSync(0, 0), await DrillIndexes.SyncAsync(provider, null, build: true, built: null, Ct));
        if (provider.Kind != StagingProviderKind.SqlServer)
        {
            var plan = await PlanAsync(provider, run, lists[0]);
            Assert.Contains(DrillIndexes.Name("account", run), plan, StringComparison.Ordinal);
            var next = await PlanAsync(provider, run, LineList.Journal(lists[2].Value!), afterKey: true);
            Assert.Contains(DrillIndexes.Name("document", run), next, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_superseded_run_loses_its_indexes_at_the_next_sync_and_a_pruned_run_keeps_none()
    {
        await using var provider = await NewProviderAsync();
        var first = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await DrillIndexes.SyncAsync(provider, first, build: true, built: null, Ct);
        var second = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);

        var sync = await DrillIndexes.SyncAsync(provider, null, build: true, built: null, Ct);

        Assert.Equal(new DrillIndexSync(DrillIndexes.Lists.Count, DrillIndexes.Lists.Count), sync);
        Assert.Empty(await IndexesOfAsync(provider, first));
        Assert.Equal(DrillIndexes.Lists.Count, (await IndexesOfAsync(provider, second)).Count);

        // Indexes a superseded run still has (a sync that did not run) go with its rows when it is pruned.
        await using (var connection = await provider.OpenAsync(Ct))
        {
            await connection.ExecuteAsync(DrillIndexes.Create(provider.Kind, DrillIndexes.Lists[0].List, first));
        }

        Assert.Single(await IndexesOfAsync(provider, first));
        var pruned = await RunRetention.PruneAsync(provider, keep: 0, startedBefore: null, by: "test", Ct);
        Assert.Equal([first], pruned.Select(p => p.Run));
        Assert.Empty(await IndexesOfAsync(provider, first));
        Assert.Equal(DrillIndexes.Lists.Count, (await IndexesOfAsync(provider, second)).Count);
    }

    [Fact]
    public async Task On_sqlite_only_the_most_recently_finished_runs_keep_indexes_elsewhere_every_published_run()
    {
        await using var provider = await NewProviderAsync();
        var runs = new List<RunId>();
        foreach (var sample in new[] { "commune-etterbeek-2022", SampleRun.Commune, SampleRun.Cpas })
        {
            runs.Add(await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(sample), Ct));
            await DrillIndexes.SyncAsync(provider, null, build: true, built: null, Ct);
        }

        var indexed = new List<RunId>();
        foreach (var run in runs)
        {
            if ((await IndexesOfAsync(provider, run)).Count == DrillIndexes.Lists.Count)
            {
                indexed.Add(run);
            }
        }

        var expected = provider.Kind == StagingProviderKind.Sqlite ? runs.TakeLast(DrillIndexes.SqliteIndexedRuns) : runs;
        Assert.Equal(expected, indexed);
        if (provider.Kind == StagingProviderKind.Sqlite)
        {
            Assert.Empty(await IndexesOfAsync(provider, runs[0]));
        }
    }

    [Fact]
    public async Task An_index_left_incomplete_by_an_interrupted_build_is_dropped_and_built_again()
    {
        await using var provider = await NewProviderAsync();
        if (provider.Kind != StagingProviderKind.Postgres)
        {
            Assert.Skip("Only PostgreSQL's concurrent build can leave an incomplete index; SQLite's and SQL Server's builds are one "
                + "statement, whole or absent.");
        }

        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        var name = DrillIndexes.Name("account", run);
        // A concurrent build that fails half-way (a unique index over repeated accounts) leaves its index marked invalid,
        // as one stopped by a cancellation or a killed process does.
        await using (var connection = await provider.OpenAsync(Ct))
        {
            await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => connection.ExecuteAsync(
                $"CREATE UNIQUE INDEX CONCURRENTLY {name} ON staged_lines (account) WHERE run_id = {DrillIndexes.Literal(run)}"));
            Assert.Equal(new[] { (name, false) }, (await DrillIndexes.ExistingAsync(connection, provider.Kind, Ct)).ToArray());
        }

        var sync = await DrillIndexes.SyncAsync(provider, null, build: true, built: null, Ct);

        Assert.Equal(new DrillIndexSync(DrillIndexes.Lists.Count, 1), sync);
        await using var after = await provider.OpenAsync(Ct);
        Assert.All(await DrillIndexes.ExistingAsync(after, provider.Kind, Ct), i => Assert.True(i.Valid, i.Name));
    }

    [Fact]
    public void An_index_name_gives_back_its_run_and_no_other_name_does()
    {
        var run = RunId.New();

        Assert.Equal(run, DrillIndexes.RunOf(DrillIndexes.Name("account", run)));
        Assert.Null(DrillIndexes.RunOf("ix_staged_lines_run"));
        Assert.Null(DrillIndexes.RunOf("ix_drill_account_" + run.Value));
        Assert.Null(DrillIndexes.RunOf(DrillIndexes.Name("account", run) + "; DROP TABLE runs"));
        Assert.Equal($"'{run.Value}'", DrillIndexes.Literal(run));
        Assert.Throws<ArgumentException>(() => DrillIndexes.Drop(StagingProviderKind.Sqlite, "ix_staged_lines_run"));
        Assert.Throws<InvalidOperationException>(() => DrillIndexes.Create(StagingProviderKind.Sqlite, "label", run));
    }

    // The lists the indexes serve, on the run's busiest values: a legacy account, a new account, a journal, an article,
    // a rule; and the balance check's list (the unbalanced documents), last.
    private static async Task<List<LineList>> ListsAsync(IStagingProvider provider, RunId run)
    {
        await using var connection = await provider.OpenAsync(Ct);
        async Task<string> BusiestAsync(string column) => await connection.QueryFirstAsync<string>(
            $"SELECT {column} FROM staged_lines WHERE run_id = @run AND {column} IS NOT NULL GROUP BY {column} ORDER BY COUNT(*) DESC, "
                + $"{column}",
            new { run = run.Value });
        return
        [
            LineList.LegacyAccount(await BusiestAsync("account")),
            LineList.TargetAccount(await BusiestAsync("target_account")),
            LineList.Journal(await BusiestAsync("journal")),
            LineList.Article(await BusiestAsync("article")),
            LineList.Rule(await BusiestAsync("rule_id")),
            CheckLines.Of("balance:unbalancedDocuments")!,
        ];
    }

    private static async Task<List<string>> IndexesOfAsync(IStagingProvider provider, RunId run)
    {
        await using var connection = await provider.OpenAsync(Ct);
        return (await DrillIndexes.ExistingAsync(connection, provider.Kind, Ct)).Where(i => DrillIndexes.RunOf(i.Name) == run)
            .Select(i => i.Name)
            .ToList();
    }

    // The database's own plan of the page query. PostgreSQL is told to avoid a sequential scan and a sort, which a table
    // of a few thousand rows would rather do: the plan then shows whether the run's index can give the page in order.
    private static async Task<string> PlanAsync(IStagingProvider provider, RunId run, LineList list, bool afterKey = false)
    {
        await using var connection = await provider.OpenAsync(Ct);
        var sql = DrillSql.Page(provider.Kind, run, list, afterKey, 101);
        var parameters = new { run = run.Value, value = list.Value, document = list
            .Document, afterDocument = "", afterFile = "", afterRecord = 0L, afterPart = 0 };
        if (provider.Kind == StagingProviderKind.Postgres)
        {
            await connection.ExecuteAsync(
                "ANALYZE staged_lines; SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off");
            return string.Join("\n", await connection.QueryAsync<string>("EXPLAIN " + sql, parameters));
        }

        var rows = await connection.QueryAsync("EXPLAIN QUERY PLAN " + sql, parameters);
        return string.Join("\n", rows.Select(r => (string)((IDictionary<string, object>)r)["detail"]));
    }

    private static async Task<List<DrillLine>> AllPagesAsync(RunLines lines, LineList list)
    {
        var all = new List<DrillLine>();
        LineKey? after = null;
        do
        {
            var page = await lines.PageAsync(list, after, Small, Ct);
            all.AddRange(page.Lines);
            after = page.Next;
        }
        while (after is not null);

        return all;
    }

    private static string Describe(DrillLine l)
        => $"{l.Key.ToToken()}|{l.State}|{l.Text}|{l.RuleId}|{l.TargetAccount}|{l.Debit}|{l.Credit}";
}

public sealed class SqliteDrillIndexesTests(SqliteDatabase database) : DrillIndexesTests<SqliteDatabase>(database);

public sealed class PostgresDrillIndexesTests(PostgresDatabase database) : DrillIndexesTests<PostgresDatabase>(database);

public sealed class SqlServerDrillIndexesTests(SqlServerDatabase database) : DrillIndexesTests<SqlServerDatabase>(database);
