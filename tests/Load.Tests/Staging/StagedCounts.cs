using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Dapper;

namespace Bascule.Load.Tests.Staging;

/// <summary>What a reader of the staging database sees, and what a run holds, counted with plain SQL.</summary>
public static class StagedCounts
{
    /// <summary>Staged lines visible to readers (published runs only) for one entity.</summary>
    public static async Task<long> VisibleStagedAsync(IStagingProvider provider, string insCode)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM published_staged_lines s JOIN runs r ON r.run_id = s.run_id WHERE r.ins_code = @insCode",
            new { insCode });
    }

    public static async Task<long> VisibleRejectedAsync(IStagingProvider provider, string insCode)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM published_rejected_lines j JOIN runs r ON r.run_id = j.run_id WHERE r.ins_code = @insCode",
            new { insCode });
    }

    /// <summary>Rows of one run in every data table.</summary>
    public static async Task<long> RowsOfRunAsync(IStagingProvider provider, RunId run)
    {
        await using var connection = await provider.OpenAsync(TestContext.Current.CancellationToken);
        var total = 0L;
        foreach (var table in new[] {
            "staged_lines",
            "unmapped_lines",
            "rejected_lines",
            "legacy_balance",
            "budget_articles",
            "commitments",
            "third_parties" })
        {
            total += await connection.ExecuteScalarAsync<long>(CountSql(table), new { run = run.Value });
        }

        return total;
    }

    public static async Task<RunInfo> RunAsync(IStagingProvider provider, RunId run) =>
        (await RunList.ReadAsync(provider, TestContext.Current.CancellationToken)).Single(r => r.Id == run);

    // One literal statement per table: table names cannot be parameters.
    private static string CountSql(string table) => table switch
    {
        "staged_lines" => "SELECT COUNT(*) FROM staged_lines WHERE run_id = @run",
        "unmapped_lines" => "SELECT COUNT(*) FROM unmapped_lines WHERE run_id = @run",
        "rejected_lines" => "SELECT COUNT(*) FROM rejected_lines WHERE run_id = @run",
        "legacy_balance" => "SELECT COUNT(*) FROM legacy_balance WHERE run_id = @run",
        "budget_articles" => "SELECT COUNT(*) FROM budget_articles WHERE run_id = @run",
        "commitments" => "SELECT COUNT(*) FROM commitments WHERE run_id = @run",
        _ => "SELECT COUNT(*) FROM third_parties WHERE run_id = @run",
    };
}
