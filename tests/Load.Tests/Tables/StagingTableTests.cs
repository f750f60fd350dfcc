using System.Text.RegularExpressions;
using Bascule.Load.Tables;

namespace Bascule.Load.Tests.Tables;

public sealed partial class StagingTableTests
{
    public static TheoryData<string> Tables => [.. StagingTables.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Tables))]
    public void Insert_copy_and_fingerprint_list_the_columns_in_row_order(string name)
    {
        var table = StagingTables.All.Single(t => t.Name == name);
        var columns = table.Columns.Select(c => c.Name).ToArray();
        Assert.Equal(["run_id", "batch", "source_file"], columns[..3]);

        var insert = table.InsertRowsSql(3);
        Assert.Equal(columns, List(InsertColumns().Match(insert).Groups[1].Value));
        var rows = InsertValues().Matches(insert);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(columns.Select(_ => "?"), List(row.Groups[1].Value)));
        Assert.Equal(columns, List(CopyColumns().Match(table.PostgresCopy).Groups[1].Value));
        Assert.Equal(table.FingerprintColumns.Select(c => c.Name), List(SelectColumns().Match(table.FingerprintSql).Groups[1].Value));
        // A staged or unmapped line's raw text is stored but not fingerprinted; a rejected line's is its content.
        string[] leftOut = name is "staged_lines" or "unmapped_lines" ? ["raw_text"] : [];
        Assert.Equal(columns[2..].Except(leftOut), table.FingerprintColumns.Select(c => c.Name));
    }

    private static string[] List(string text) => text.Split(',', StringSplitOptions.TrimEntries);

    [GeneratedRegex(@"^INSERT INTO \w+ \(([^)]*)\)")]
    private static partial Regex InsertColumns();

    [GeneratedRegex(@"\(([?, ]*)\)")]
    private static partial Regex InsertValues();

    [GeneratedRegex(@"^COPY \w+ \(([^)]*)\) FROM STDIN \(FORMAT BINARY\)$")]
    private static partial Regex CopyColumns();

    [GeneratedRegex(@"^SELECT (.*) FROM \w+ WHERE run_id = @run AND source_file = @file ORDER BY record")]
    private static partial Regex SelectColumns();
}
