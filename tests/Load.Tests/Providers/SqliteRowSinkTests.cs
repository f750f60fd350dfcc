using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Rows;
using Bascule.Load.Runs;
using Bascule.Load.Tables;
using Bascule.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bascule.Load.Tests.Providers;

/// <summary>
/// SQLite's sink inserts a table's rows several to a statement while a whole group is left, then one by one: every row
/// must arrive once, in order, with its values, whatever the count against the group's size.
/// </summary>
public sealed class SqliteRowSinkTests : IDisposable
{
    private static readonly RunId Run = RunId.New();

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 1)]
    [InlineData(1, 3)]
    [InlineData(3, 3)]
    [InlineData(7, 3)]
    [InlineData(63, 64)]
    [InlineData(64, 64)]
    [InlineData(200, 64)]
    public async Task Every_row_arrives_once_in_order_with_its_values(int rows, int rowsPerGroup)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = StagingProviders.Create("sqlite", _temp.Combine("sink.db"), _temp.Path);
        await provider.EnsureSchemaAsync(ct);
        var batch = new StagingBatch();
        for (var i = 0; i < rows; i++)
        {
            LegacyBalanceTable.Instance.Add(batch, Balance(i));
        }

        await using var connection = (SqliteConnection)await provider.OpenAsync(ct);
        await using (var transaction = connection.BeginTransaction())
        {
            using (var sink = new SqliteRowSink(connection, LegacyBalanceTable.Instance, rows, rowsPerGroup))
            {
                LegacyBalanceTable.Instance.Write(batch, Run, 9, sink);
            }

            transaction.Commit();
        }

        var stored = (await connection.QueryAsync<(long Line, string Account, string Label, long Closing, long Batch)>(
            "SELECT line, account, label, closing_debit, batch FROM legacy_balance WHERE run_id = @run ORDER BY rowid",
            new { run = Run.Value })).ToList();
        Assert.Equal(
            Enumerable.Range(0, rows).Select(i => ((long)i + 2, $"61{i:D5}", $"label {i} é", (long)i * 100 + 1, 9L)),
            stored);
    }

    [Fact]
    public async Task A_row_the_database_refuses_in_a_group_fails_the_write()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var provider = StagingProviders.Create("sqlite", _temp.Combine("refused.db"), _temp.Path);
        await provider.EnsureSchemaAsync(ct);
        var batch = new StagingBatch();
        for (var i = 0; i < 10; i++)
        {
            // The account is NOT NULL: the sixth row, in the second group of four, is refused.
            LegacyBalanceTable.Instance.Add(batch, Balance(i) with { Account = i == 5 ? null! : $"61{i:D5}" });
        }

        await using var connection = (SqliteConnection)await provider.OpenAsync(ct);
        await using var transaction = connection.BeginTransaction();
        using var sink = new SqliteRowSink(connection, LegacyBalanceTable.Instance, 10, 4);
        var error = Assert.Throws<SqliteException>(() => LegacyBalanceTable.Instance.Write(batch, Run, 1, sink));
        Assert.Contains("NOT NULL", error.Message, StringComparison.Ordinal);
    }

    private static LegacyBalanceRow Balance(int i) => new(
        new Lineage("BALANCE.csv", i + 1, i + 2),
        new FiscalYear(2023),
        $"61{i:D5}",
        $"label {i} é",
        Amount.Zero,
        Amount.Zero,
        Amount.Zero,
        Amount.Zero,
        Amount.FromCents(i * 100 + 1),
        Amount.Zero);
}
