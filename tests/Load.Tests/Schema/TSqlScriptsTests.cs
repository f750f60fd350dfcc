using System.Text.RegularExpressions;
using Bascule.Load.Schema;
using Bascule.Load.Tables;
using Bascule.TestSupport;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Bascule.Load.Tests.Schema;

public sealed partial class TSqlScriptsTests
{
    [Fact]
    public void Every_sql_server_script_parses_as_T_SQL()
    {
        var scripts = SchemaScripts.For("sqlserver");
        Assert.NotEmpty(scripts);
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        foreach (var script in scripts)
        {
            foreach (var batch in script.Batches)
            {
                using var reader = new StringReader(batch);
                parser.Parse(reader, out var errors);
                Assert.True(
                    errors.Count == 0,
                    $"{script.Name}: " + string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")));
            }
        }
    }

    [Fact]
    public void A_broken_statement_is_reported_by_the_parser()
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader("CREATE TABLE runs (run_id VARCHAR(40) NOT NULL,");
        parser.Parse(reader, out var errors);
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void Every_provider_has_the_same_script_versions()
    {
        var versions = new[] { "sqlite", "postgres", "sqlserver" }
            .Select(p => string.Join(",", SchemaScripts.For(p).Select(s => s.Name)))
            .Distinct()
            .ToList();
        Assert.Single(versions);
    }

    public static TheoryData<string> RunQueries => [.. RunQueryTexts().Keys];

    /// <summary>The statements every staging table shares, derived from its name and columns, run on SQL Server too.</summary>
    [Fact]
    public void Every_statement_of_every_staging_table_parses_as_T_SQL()
    {
        foreach (var table in StagingTables.All)
        {
            foreach (var (what, sql) in new[]
            {
                ("delete batch", table.DeleteBatchSql), ("delete run", table.DeleteRunSql),
                ("first file", table.FirstFileSql), ("next file", table.NextFileSql), ("fingerprint", table.FingerprintSql),
            })
            {
                AssertParses($"{table.Name} {what}", sql);
            }
        }
    }

    /// <summary>The plain SQL of runs, publish, leases and retention (src/Load), shared by the three providers.</summary>
    [Theory]
    [MemberData(nameof(RunQueries))]
    public void Every_run_query_parses_as_T_SQL(string where)
    {
        AssertParses(where, RunQueryTexts()[where]);
    }

    [Fact]
    public void The_run_queries_are_found()
    {
        var texts = RunQueryTexts();

        Assert.Contains(texts.Keys, k => k.StartsWith("Runs/RunStore.cs:", StringComparison.Ordinal));
        Assert.Contains(texts.Keys, k => k.StartsWith("Runs/Leases/RunClaim.cs:", StringComparison.Ordinal));
        Assert.Contains(texts.Values, t => t.Contains("UPDATE runs SET status = 'superseded'", StringComparison.Ordinal));
    }

    private static void AssertParses(string what, string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        var found = string.Join("; ", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}"));
        Assert.True(errors.Count == 0, $"{what}: {found}\n{sql}");
    }

    // The SQL string literals (raw, and plain with the plain literals joined to them) of src/Load's run code, by file and line. Interpolated text is left out:
    // the SQL scan of the reliability suite sees to it that its holes carry no value.
    private static Dictionary<string, string> RunQueryTexts()
    {
        var folder = RepositoryRoot.Combine("src", "Load");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(Path.Combine(folder, "Runs"), "*.cs", SearchOption.AllDirectories);
        // DrillIndexes writes its statements per engine (the drill-down's tests parse its T-SQL): not shared SQL.
        foreach (var file in files.Where(f => Path.GetFileName(f) != "DrillIndexes.cs").Order(StringComparer.Ordinal))
        {
            var source = File.ReadAllText(file);
            foreach (Match match in SqlLiteral().Matches(source))
            {
                // A plain literal may go on in literals joined to it with +, as a long statement wrapped at 140 characters does.
                var sql = match.Groups["raw"].Success
                    ? match.Groups["raw"].Value
                    : match.Groups["plain"].Value + string.Concat(match.Groups["more"].Captures.Select(c => c.Value));
                var line = source.AsSpan(0, match.Index).Count('\n') + 1;
                texts[$"{Path.GetRelativePath(folder, file).Replace('\\', '/')}:{line}"] = sql;
            }
        }

        return texts;
    }

    [GeneratedRegex(
        @"(?<![$@])""""""\s*\n(?<raw>\s*(?:SELECT|INSERT|UPDATE|DELETE|WITH)\s.*?)""""""" +
        @"|(?<![$@])""(?<plain>(?:SELECT|INSERT|UPDATE|DELETE|WITH)\s[^""]*)""(?:\s*\+\s*""(?<more>[^""]*)"")*",
        RegexOptions.Singleline)]
    private static partial Regex SqlLiteral();
}
