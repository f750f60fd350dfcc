using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Diff;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Bascule.Transform;
using Bascule.Transform.Coverage;

namespace Bascule.Reconcile.Tests.Diff;

/// <summary>
/// The commune sample loaded with the shipped mapping (run A) and with a copy without its energy rules (run B):
/// <see cref="RunComparison"/> shows the lines that became unmapped per legacy account and article, with the euros
/// the reduced version leaves uncovered on the export itself, and <see cref="StagedLedger"/> reads back each source
/// line once, split lines included. Run once per provider.
/// </summary>
public abstract class UnmappedComparisonTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Commune => SampleRun.SampleFolder(SampleRun.Commune);

    [Fact]
    public async Task Lines_left_unmapped_by_a_reduced_mapping_show_per_account_and_article_with_the_euros_it_leaves_uncovered()
    {
        await using var provider = await CreateProviderAsync();
        var reduced = SampleRun.WithoutEnergyRules(Temp);
        var a = await SampleRun.LoadAsync(provider, Commune, Ct);
        var b = await SampleRun.LoadAsync(provider, Commune, reduced, Ct);
        var uncovered = await UncoveredAsync(reduced);

        var diff = await RunComparison.ComputeAsync(provider, a, b, Ct);
        var back = await RunComparison.ComputeAsync(provider, b, a, Ct);

        Assert.NotEmpty(uncovered.Uncovered);
        Assert.Equal(default, diff.UnmappedA);
        Assert.Equal(
            new UnmappedTotals(uncovered.UnmappedLines, uncovered.UnmappedDebit.Value, uncovered.UnmappedCredit.Value),
            diff.UnmappedB);
        Assert.Equal(
            uncovered.Uncovered
                .Select(u => (u.Account, u.Article?.ToString(), UnmappedMove.BecameUnmapped, u.Lines, u.Debit.Value, u.Credit.Value)),
            diff.Unmapped.Select(u => (u.Account, u.Article, u.Move, u.B.Lines, u.DebitChange, u.CreditChange)));
        Assert.True(diff.AnyChange);
        Assert.All(back.Unmapped, u => Assert.Equal(UnmappedMove.BecameMapped, u.Move));
        Assert.Equal(-diff.Unmapped.Sum(u => u.DebitChange), back.Unmapped.Sum(u => u.DebitChange));
    }

    [Fact]
    public async Task The_same_mapping_twice_moves_no_unmapped_line()
    {
        await using var provider = await CreateProviderAsync();
        var reduced = SampleRun.WithoutEnergyRules(Temp);
        var a = await SampleRun.LoadAsync(provider, Commune, reduced, Ct);
        var b = await SampleRun.LoadAsync(provider, Commune, reduced, Ct);

        var diff = await RunComparison.ComputeAsync(provider, a, b, Ct);

        Assert.True(diff.UnmappedA.Lines > 0);
        Assert.Equal(diff.UnmappedA, diff.UnmappedB);
        Assert.Empty(diff.Unmapped);
        Assert.False(diff.AnyChange);
    }

    [Fact]
    public async Task A_staged_run_reads_back_each_source_line_of_its_export_once_split_or_unmapped()
    {
        await using var provider = await CreateProviderAsync();
        var reduced = SampleRun.WithoutEnergyRules(Temp);
        var full = await SampleRun.LoadAsync(provider, Commune, Ct);
        var partial = await SampleRun.LoadAsync(provider, Commune, reduced, Ct);
        var exported = await ExportLinesAsync();

        foreach (var run in new[] { full, partial })
        {
            var ledger = await StagedLedger.OpenAsync(provider, run, Ct);
            var staged = await ToListAsync(ledger.ReadAsync(Ct));

            Assert.Equal((Extract.Values.EntityType.Commune, 2023), (ledger.EntityType, ledger.Year.Value));
            Assert.Equal(exported.Count, staged.Count);
            Assert.Equal(exported, staged);
        }
    }

    [Fact]
    public async Task A_run_the_database_does_not_hold_is_named()
    {
        await using var provider = await CreateProviderAsync();
        await provider.EnsureSchemaAsync(Ct);

        var error = await Assert.ThrowsAsync<ReconcileException>(
            () => StagedLedger.OpenAsync(provider, RunId.Parse("01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10"), Ct));

        Assert.Contains("Run 01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10 is not in the staging database", error.Message, StringComparison.Ordinal);
    }

    private static async Task<CoverageReport> UncoveredAsync(string mapping)
    {
        var export = LegacyExport.Open(Commune);
        var lines = await ExportLinesAsync();
        return await ExportCoverage.ComputeAsync(
            MappingVersion.Load(mapping),
            lines.ToAsyncEnumerable(),
            export.Control.EntityType,
            export.Control.FiscalYear,
            Ct);
    }

    private static async Task<List<LedgerLine>> ExportLinesAsync()
    {
        var lines = new List<LedgerLine>();
        await foreach (var parsed in LegacyExport.Open(Commune).ReadLedgerAsync(Ct))
        {
            if (parsed.Value is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

public sealed class SqliteUnmappedComparisonTests(SqliteDatabase database) : UnmappedComparisonTests<SqliteDatabase>(database);

public sealed class PostgresUnmappedComparisonTests(PostgresDatabase database) : UnmappedComparisonTests<PostgresDatabase>(database);

public sealed class SqlServerUnmappedComparisonTests(SqlServerDatabase database) : UnmappedComparisonTests<SqlServerDatabase>(database);
