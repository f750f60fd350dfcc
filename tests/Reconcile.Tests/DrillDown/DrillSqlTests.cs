using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bascule.Reconcile.Tests.DrillDown;

/// <summary>
/// The drill-down's page queries as SQL Server gets them parse as T-SQL, for every kind of list, from the start and after
/// a key; no SQL Server runs here, so this is what checks its spelling (row values spelled out, OFFSET … FETCH).
/// </summary>
public sealed class DrillSqlTests
{
    public static TheoryData<LineListKind, bool, int?> Lists =>
        [.. Enum.GetValues<LineListKind>().SelectMany(k => new[] { (k, false, (int?)null), (k, true, null) })
            .Concat([(LineListKind.UnbalancedDocuments, false, 0), (LineListKind.UnbalancedDocuments, true, 3)])];

    [Theory]
    [MemberData(nameof(Lists))]
    public void The_SQL_Server_page_query_parses_as_T_SQL(LineListKind kind, bool afterKey, int? documents)
    {
        var list = kind switch
        {
            LineListKind.LegacyAccount => LineList.LegacyAccount("6110000"),
            LineListKind.TargetAccount => LineList.TargetAccount("611000"),
            LineListKind.Journal => LineList.Journal("ACH"),
            LineListKind.Article => LineList.Article("104/123-11"),
            LineListKind.Document => LineList.DocumentOf("ACH", "12"),
            LineListKind.FileExceptions => LineList.FileExceptions("ECRITURES.csv"),
            LineListKind.Unmapped => LineList.Unmapped,
            LineListKind.Rejected => LineList.Rejected,
            _ => LineList.UnbalancedDocuments,
        };
        var run = RunId.New();
        var sql = DrillSql.Page(StagingProviderKind.SqlServer, run, list, afterKey, 101, documents);

        AssertParses(sql);
        Assert.DoesNotContain("LIMIT", sql, StringComparison.Ordinal);
        // The staged lines' condition names the run as its filtered indexes do, or they serve no page.
        if (kind is not (LineListKind.Unmapped or LineListKind.Rejected or LineListKind.FileExceptions))
        {
            Assert.Contains($"x.run_id = '{run.Value}'", sql, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(DrillSql.MaxPartOneLines)]
    public void The_query_of_split_lines_raw_text_parses_as_T_SQL_and_names_the_run_as_the_account_index_does(int lines)
    {
        var run = RunId.New();
        var sql = DrillSql.PartOne(run, lines);

        AssertParses(sql);
        Assert.Contains($"x.run_id = '{run.Value}'", sql, StringComparison.Ordinal);
        Assert.Equal(lines, sql.Split("x.account = @account").Length - 1);
    }

    [Fact]
    public void The_SQL_Server_drill_down_indexes_parse_as_T_SQL()
    {
        var run = RunId.New();
        foreach (var (list, _) in DrillIndexes.Lists)
        {
            AssertParses(DrillIndexes.Create(StagingProviderKind.SqlServer, list, run));
            AssertParses(DrillIndexes.Drop(StagingProviderKind.SqlServer, DrillIndexes.Name(list, run)));
        }

        AssertParses(DrillIndexes.ExistingSql(StagingProviderKind.SqlServer));
    }

    private static void AssertParses(string sql)
    {
        using var reader = new StringReader(sql);

        new TSql160Parser(initialQuotedIdentifiers: true).Parse(reader, out var errors);

        Assert.True(
            errors.Count == 0,
            sql + "\n" + string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
    }
}
