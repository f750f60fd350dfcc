using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Bascule.Reconcile.Staging;
using StagingQueries = Bascule.Reconcile.Staging.Queries;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Staging;

/// <summary>
/// The pass that sums a run's staged lines in our process on SQLite gives what SQLite's own GROUP BYs give, row for row and
/// in their order: a real run of the commune sample, with lines added behind the pipeline's back that test its edges (a
/// document whose lines are apart, one that does not balance, an empty article beside a missing one, another file).
/// </summary>
public sealed class StagedLinesPassTests(SqliteDatabase database) : StagingSuite<SqliteDatabase>(database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public async Task The_pass_gives_the_groups_and_the_unbalanced_documents_of_the_database_queries(int parts)
    {
        var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        // Copies of staged lines appended after the run's own: the first document's lines +5.00 with no article and, further
        // on, -5.00 with an empty one (it still balances, in three stretches); between them a line of the last document alone,
        // +3.00 (it no longer does), in another file.
        await StagingDatabase.ExecuteAsync(
            provider,
            """
            CREATE TEMP TABLE first_line AS SELECT * FROM staged_lines WHERE run_id = @run ORDER BY rowid LIMIT 1;
            CREATE TEMP TABLE last_line AS SELECT * FROM staged_lines WHERE run_id = @run ORDER BY rowid DESC LIMIT 1;
            UPDATE first_line SET debit = 500, credit = 0, article = NULL;
            INSERT INTO staged_lines SELECT * FROM first_line;
            UPDATE last_line SET debit = 300, credit = 0, article = '', source_file = 'AUTRES.csv';
            INSERT INTO staged_lines SELECT * FROM last_line;
            UPDATE first_line SET debit = 0, credit = 500, article = '';
            INSERT INTO staged_lines SELECT * FROM first_line;
            DROP TABLE first_line;
            DROP TABLE last_line;
            """,
            new { run = run.Value });

        // In parts, the boundaries cut documents and groups in two: each part's sums are added up.
        var (groups, unbalanced) = parts == 1
            ? await PassAsync(provider, run)
            : await StagedLinesPass.ReadAsync(provider, run, parts, rowsPerPart: 1, Ct);

        await using var connection = await provider.OpenForRunScanAsync(Ct);
        var db = new StagingReader(connection, run);
        var expected = await db.RowsAsync<StagingQueries.StagedGroup>(StagingQueries.StagedLines, Ct);
        Assert.Equal(expected.Select(Row), groups.Select(Row));
        Assert.Equal((await db.RowsAsync<long>(StagingQueries.UnbalancedDocumentCount, Ct)).Single(), unbalanced);
        Assert.Equal(1, unbalanced);
        Assert.Contains(groups, g => g.Article is null);
        Assert.Contains(groups, g => g.Article == "");
    }

    [Fact]
    public async Task A_run_is_cut_into_ranges_of_rowids_that_cover_it_once()
    {
        Assert.Equal([new RowidRange(5, 5)], new RowidRange(5, 5).Split(4));
        Assert.Equal([new RowidRange(1, 5), new RowidRange(6, 10)], new RowidRange(1, 10).Split(2));
        Assert.Equal([new RowidRange(1, 3), new RowidRange(4, 6), new RowidRange(7, 10)], new RowidRange(1, 10).Split(3));
        var wide = new RowidRange(3, long.MaxValue - 1).Split(7);
        Assert.Equal(3, wide[0].First);
        Assert.Equal(long.MaxValue - 1, wide[^1].Last);
        Assert.All(wide.Zip(wide.Skip(1)), p => Assert.Equal(p.First.Last + 1, p.Second.First));

        // Read from the database: the run's first and last staged line, none for an unknown run.
        var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await using var connection = await provider.OpenForRunScanAsync(Ct);
        var bounds = await SqliteScan.StagedLinesOfAsync(connection, run.Value, Ct);
        var (first, last, count) = await Dapper.SqlMapper.QuerySingleAsync<(long, long, long)>(
            connection,
            "SELECT MIN(rowid), MAX(rowid), COUNT(*) FROM staged_lines WHERE run_id = @run",
            new { run = run.Value });
        Assert.Equal(new RowidRange(first, last), bounds);
        Assert.True(count > 1000);
        Assert.Null(await SqliteScan.StagedLinesOfAsync(connection, RunId.New().Value, Ct));
    }

    [Fact]
    public async Task A_run_without_staged_lines_gives_no_group_and_no_unbalanced_document()
    {
        var provider = await NewProviderAsync();
        var run = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await StagingDatabase.ExecuteAsync(provider, "DELETE FROM staged_lines WHERE run_id = @run", new { run = run.Value });

        var (groups, unbalanced) = await PassAsync(provider, run);

        Assert.Empty(groups);
        Assert.Equal(0, unbalanced);
    }

    private static async Task<StagedLinesPass.Result> PassAsync(Bascule.Load.Providers.IStagingProvider provider, RunId run)
    {
        await using var connection = await provider.OpenForRunScanAsync(Ct);
        using var scan = SqliteScan.Open(connection, StagingQueries.StagedLineRows, run.Value, Ct);
        return StagedLinesPass.Read(scan);
    }

    private static string Row(StagingQueries.StagedGroup g) =>
        string.Join(
            '|',
            g.SourceFile, g.FiscalYear, g.Journal, g.Account, g.Article ?? "(null)", g.TargetAccount,
            g.SourceDebit, g.SourceCredit, g.SourceRecords, g.Debit, g.Credit);
}
