using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Dapper;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// What readers of the staging database see for one entity and year, read with plain SQL: the published run(s), their
/// rows per table, rows of other runs showing through the published views, and rows left behind by failed runs.
/// </summary>
[DapperAot(false)]
internal sealed record PublishedState(
    IReadOnlyList<(string RunId, string? Fingerprint)> Published,
    IReadOnlyList<long> Rows,
    long ForeignVisibleRows,
    long FailedRunRows,
    IReadOnlyList<RunInfo> Runs)
{
    private static readonly string[] Tables
        = ["staged_lines", "unmapped_lines", "rejected_lines", "legacy_balance", "budget_articles", "commitments", "third_parties"];

    public string? RunId => Published.Count == 1 ? Published[0].RunId : null;

    public string? Fingerprint => Published.Count == 1 ? Published[0].Fingerprint : null;

    public static async Task<PublishedState> ReadAsync(IStagingProvider provider, TestEntity entity)
    {
        var runs = (await RunList.ReadAsync(provider, CancellationToken.None))
            .Where(r => r.InsCode == entity.Ins && r.EntityType == entity.Type.ToCode() && r.FiscalYear == entity.Year.Value)
            .ToList();
        var published = runs.Where(r => r.Status == RunStatus.Published).Select(r => (r.Id.Value, r.Fingerprint)).ToList();
        IReadOnlyList<long> rows = published.Count == 1 ? await RowsOfRunAsync(provider, published[0].Value) : new long[Tables.Length];
        await using var connection = await provider.OpenAsync(CancellationToken.None);
        var foreign = 0L;
        var parameters = new { ins = entity.Ins, type = entity.Type.ToCode(), year = entity.Year.Value, run = published.Count == 1
            ? published[0].Value
            : "" };
        foreach (var view in (string[])["published_staged_lines", "published_unmapped_lines", "published_rejected_lines"])
        {
            foreign += await connection.ExecuteScalarAsync<long>(ForeignSql(view), parameters);
        }

        var failed = 0L;
        foreach (var run in runs.Where(r => r.Status == RunStatus.Failed))
        {
            failed += (await RowsOfRunAsync(provider, run.Id.Value)).Sum();
        }

        return new PublishedState(published, rows, foreign, failed, runs);
    }

    /// <summary>Rows of one run in every data table, in the fingerprint's table order.</summary>
    public static async Task<IReadOnlyList<long>> RowsOfRunAsync(IStagingProvider provider, string run)
    {
        await using var connection = await provider.OpenAsync(CancellationToken.None);
        var counts = new List<long>();
        foreach (var table in Tables)
        {
            counts.Add(await connection.ExecuteScalarAsync<long>(CountSql(table), new { run }));
        }

        return counts;
    }

    public RunInfo Run(RunId id) => Runs.Single(r => r.Id == id);

    public string Describe => Published.Count switch
    {
        0 => "nothing published",
        1 => $"published {RunId} ({Fingerprint?[..12]}…, {Rows.Sum()} rows)",
        _ => $"{Published.Count} runs published",
    };

    // One literal statement per table or view: identifiers cannot be parameters.
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

    private static string ForeignSql(string view) => view switch
    {
        "published_staged_lines" =>
            "SELECT COUNT(*) FROM published_staged_lines v JOIN runs r ON r.run_id = v.run_id WHERE r.ins_code = @ins AND r.entity_type = "
                + "@type AND r.fiscal_year = @year AND v.run_id <> @run",
        "published_unmapped_lines" =>
            "SELECT COUNT(*) FROM published_unmapped_lines v JOIN runs r ON r.run_id = v.run_id WHERE r.ins_code = @ins AND r.entity_type "
                + "= @type AND r.fiscal_year = @year AND v.run_id <> @run",
        _ =>
            "SELECT COUNT(*) FROM published_rejected_lines v JOIN runs r ON r.run_id = v.run_id WHERE r.ins_code = @ins AND r.entity_type "
                + "= @type AND r.fiscal_year = @year AND v.run_id <> @run",
    };
}

/// <summary>The invariant every fault test ends with: one complete, correct run published, or nothing changed; never a partial or
/// duplicated run.</summary>
internal static class Invariant
{
    /// <summary>Exactly one run is published for the entity and year, identical to the clean reference run, and only its rows are
    /// visible.</summary>
    public static void OneCompleteRun(PublishedState state, Reference reference)
    {
        Assert.Single(state.Published);
        Assert.Equal(reference.Fingerprint, state.Fingerprint);
        Assert.Equal(reference.Rows, state.Rows);
        Assert.Equal(0, state.ForeignVisibleRows);
        Assert.Equal(0, state.FailedRunRows);
    }

    /// <summary>The published data is exactly what it was: the same run and fingerprint, and no rows of any other run visible.</summary>
    public static void Unchanged(PublishedState before, PublishedState after)
    {
        Assert.Equal(before.Published, after.Published);
        Assert.Equal(before.Rows, after.Rows);
        Assert.Equal(0, after.ForeignVisibleRows);
    }
}
