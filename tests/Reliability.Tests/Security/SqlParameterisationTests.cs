using System.Text.RegularExpressions;
using Bascule.Load.Tables;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// Every SQL statement of <c>src/</c> takes its values as parameters: SQL text may only be built from constant
/// identifiers and parameter placeholders. The scan reads the syntax tree of every source file (see <see cref="SqlScan"/>).
/// </summary>
public sealed partial class SqlParameterisationTests
{
    /// <summary>The reviewed holes: each is an identifier or a number, never a value read from a file or a user.</summary>
    public static readonly IReadOnlyList<AllowedHole> Allowed =
    [
        new("src/Load/Tables/StagingTable.cs", "Name",
            "the table's name: each StagingTable subclass returns a string constant (checked below to be a plain identifier)"),
        new("src/Load/Tables/StagingTable.cs", "ColumnList",
            "the table's column names joined by commas: constants of the table class (checked below to be plain identifiers)"),
        new("src/Load/Tables/StagingTable.cs", "string.Join(\", \", Enumerable.Repeat(row, rows))",
            "the rows of a multi-row INSERT: each one '(?, ?, …)', as many positional parameters as the table has columns"),
        new("src/Load/Providers/Sqlite/SqliteStagingProvider.cs", "_busyTimeoutMilliseconds",
            "an int (the connection string's Default Timeout × 1000, checked arithmetic): PRAGMA takes no parameters and an int cannot "
                + "carry SQL"),
        new("src/Reconcile/Cutover/Data/CutoverQueries.cs", "ControlAccounts.SqlCondition(\"account\")",
            "a constant column name and the constant two-digit prefixes of ControlAccounts.Prefixes: LIKE '40%' OR …, no value from a "
                + "file or a user"),
        new(
            "src/Reconcile/DrillDown/DrillSql.cs",
            "string.Join(\"\\nUNION ALL\\n\", branches.Select((b, i) => $\"SELECT * FROM ({b}) b{i}\"))",
            "the page's per-table SELECTs (each built below from constants) joined by UNION ALL"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "b",
            "one per-table SELECT of the page, built from the constant column lists, filters and key columns below"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "i",
            "an int: the position of a per-table SELECT, naming its derived table (b0, b1)"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "order",
            "one of two constant lists of the merged page's key columns"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "Limit(engine, rows)",
            "the engine's page-size clause around an int (the page size plus one, clamped by RunLines): LIMIT n or OFFSET 0 ROWS FETCH "
                + "NEXT n ROWS ONLY"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "select",
            "one of three constant column lists (staged, unmapped, rejected lines)"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "join",
            "empty, or the constant join on the unbalanced documents"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "string.Join(\" AND \", where)",
            "constant conditions on constant columns, their values bound as parameters (@run, @value, @document, @after…, the named " +
            "unbalanced documents' @yearN, @journalN, @documentN with N an int), except the staged lines' run: DrillIndexes.Literal, " +
            "a RunId re-formatted from its parsed GUID (hexadecimal digits and dashes only), so that the run's partial indexes serve the "
                + "page"),
        new("src/Load/Runs/DrillIndexes.cs", "name",
            "a drill-down index's name: the constant prefix, a constant list name of DrillIndexes.Lists and a parsed GUID's 32 "
                + "hexadecimal " +
                "digits (Create builds it with Name; Drop refuses any name RunOf does not parse, that is outside "
                    + "^ix_drill_[a-z]+_[0-9a-f]{32}$)"),
        new("src/Load/Runs/DrillIndexes.cs", "columns",
            "the constant index columns of one of DrillIndexes.Lists"),
        new("src/Load/Runs/DrillIndexes.cs", "literal",
            "the run as an SQL literal (DrillIndexes.Literal: a parsed GUID re-formatted, hexadecimal digits and dashes only): a partial " +
            "index's condition cannot take a parameter"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "string.Join(\", \", key)",
            "the constant key columns of the table (document, source_file, record, part)"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "DrillIndexes.Literal(run)",
            "the run as an SQL literal (DrillIndexes.Literal: a parsed GUID re-formatted, hexadecimal digits and dashes only), so that the "
                + "run's partial account index finds each split line's part 1"),
        new("src/Reconcile/DrillDown/DrillSql.cs", "string.Join(\" OR \", which)",
            "one constant condition per line asked for, on constant columns, its values bound as parameters (@accountN, @fileN, @recordN "
                + "with N an int below DrillSql.MaxPartOneLines)"),
        new("src/Reconcile/DrillDown/RunLines.cs", "DrillSql.PartOne(Run, chunk.Length)",
            "DrillSql.PartOne: constant columns, the run as a literal (DrillIndexes.Literal) and numbered parameter placeholders"),
    ];

    [Fact]
    public void No_SQL_in_src_is_built_from_values()
    {
        var root = RepositoryRoot.Combine("src");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .Select(f => (Relative: Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'), Tree: SqlScan.Parse(
                File.ReadAllText(f),
                f)))
            .ToList();
        var scan = new SqlScan(SqlScan.ConstantsOf(files.Select(f => f.Tree)), Allowed);

        var findings = files.SelectMany(f => scan.Scan(f.Tree, f.Relative)).ToList();

        TestContext.Current.TestOutputHelper?.WriteLine($"SQL scan: {files.Count} files, {scan.SqlTextsSeen} SQL texts and sinks, "
            + $"{findings.Count} findings, {Allowed.Count} reviewed holes");
        Assert.True(files.Count > 100, $"only {files.Count} source files found under {root}");
        // The staging, run and reconciliation SQL: far more than a handful of sites, or the scan is not looking.
        Assert.True(scan.SqlTextsSeen > 40, $"only {scan.SqlTextsSeen} SQL texts seen");
        Assert.True(
            findings.Count == 0,
            "SQL built from values (bind a parameter, or review and allow-list a constant identifier):\n" + string.Join("\n", findings));
        var stale = Allowed.Except(scan.UsedAllowances).ToList();
        Assert.True(stale.Count == 0, "allow-list entries that no longer match any SQL (remove them):\n" + string.Join("\n", stale));
    }

    [Fact]
    public void The_allow_listed_table_and_column_names_are_plain_identifiers()
    {
        foreach (var table in StagingTables.All)
        {
            Assert.Matches(Identifier(), table.Name);
            Assert.All(table.Columns, c => Assert.Matches(Identifier(), c.Name));
            // The derived statements take their values as parameters only.
            Assert.Equal($"DELETE FROM {table.Name} WHERE run_id = @run AND batch = @batch", table.DeleteBatchSql);
        }
    }

    [Fact]
    public void The_scan_flags_an_interpolated_value_and_a_concatenated_value()
    {
        const string snippet =
            """
            public sealed class Leaky
            {
                private const string Table = "runs";

                public string ById(string id) => $"SELECT * FROM runs WHERE id = '{id}'";

                public string ByX(string value) => "SELECT x FROM t WHERE x = " + value;

                public Task<int> Run(System.Data.Common.DbConnection connection, string who) =>
                    connection.ExecuteAsync(string.Format("DELETE FROM t WHERE who = '{0}'", who));

                public Task<int> Built(System.Data.Common.DbConnection connection, System.Text.StringBuilder sql) =>
                    connection.ExecuteAsync(sql.ToString());

                public string Safe(string id) => $"SELECT * FROM {Table} WHERE id = @id AND name = {nameof(id)}";
            }
            """;
        var tree = SqlScan.Parse(snippet, "Leaky.cs");
        var scan = new SqlScan(SqlScan.ConstantsOf([tree]), []);

        var findings = scan.Scan(tree, "Leaky.cs");

        Assert.Contains(findings, f => f.Hole == "id" && f.Line == 5);
        Assert.Contains(findings, f => f.Hole == "value" && f.Line == 7);
        Assert.Contains(findings, f => f.Hole == "who");
        Assert.Contains(findings, f => f.Hole == "sql.ToString()");
        Assert.DoesNotContain(findings, f => f.Line == 15);
        Assert.Equal(4, findings.Count);
    }

    [Fact]
    public void An_allow_list_entry_covers_only_its_own_file_and_hole()
    {
        var tree = SqlScan.Parse("class C { string S(string name) => $\"DELETE FROM {name} WHERE run_id = @run\"; }", "C.cs");
        var elsewhere = new SqlScan([], [new AllowedHole("Other.cs", "name", "not this file")]);
        var here = new SqlScan([], [new AllowedHole("C.cs", "name", "reviewed")]);

        Assert.Single(elsewhere.Scan(tree, "C.cs"));
        Assert.Empty(here.Scan(tree, "C.cs"));
    }

    private static bool IsBuildOutput(string relative) =>
        relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    [GeneratedRegex("^[a-z][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
