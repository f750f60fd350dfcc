using Bascule.Extract.Privacy;
using Bascule.Load.Runs;
using Bascule.Transform.Mapping;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Staging;

/// <summary>Everything the reconciliation reads from the staging database for one run, aggregated by the database.</summary>
internal sealed record StagingSnapshot(
    RunSummary Run,
    IReadOnlyList<RecordedFile> Files,
    IReadOnlyList<(string Kind, string File, long Count)> RowsPerFile,
    IReadOnlyDictionary<string, Sides> BalanceFileTotals,
    IReadOnlyList<(string File, LedgerKey Key, Sides Sides)> StagedSource,
    IReadOnlyList<(LedgerKey Key, string Target, Sides Sides)> StagedFlows,
    IReadOnlyList<UnmappedGroup> Unmapped,
    IReadOnlyList<UnbalancedDocumentRow> UnbalancedDocuments,
    IReadOnlyList<RejectedLineRow> Rejected,
    IReadOnlyList<BalanceRecord> Balance,
    IReadOnlyList<(string Article, string Label, string Kind, decimal Committed, decimal Charged)> Articles,
    IReadOnlyDictionary<string, Sides> Commitments,
    IReadOnlySet<string> ThirdPartyFiles,
    PersonalDataMasker Masker)
{
    public static async Task<StagingSnapshot> ReadAsync(IStagingProvider provider, string runId, CancellationToken cancellationToken)
    {
        // The documents' balance is the longest query (it groups every staged line by document): on a connection of its
        // own, it runs while the other queries do.
        var documents = UnbalancedDocumentsAsync(provider, runId, cancellationToken);
        try
        {
            return await ReadAsync(provider, runId, documents, cancellationToken);
        }
        finally
        {
            // Never left running, nor its fault unobserved, when the other queries failed.
            await documents.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<List<UnbalancedDocumentRow>> UnbalancedDocumentsAsync(IStagingProvider provider, string runId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(provider, connection, runId);
        if ((await db.RowsAsync(Queries.UnbalancedDocumentCount, r => r.Count(0), cancellationToken)).Single() == 0)
        {
            return [];
        }

        return await db.RowsAsync(
            Queries.UnbalancedDocuments, r => new UnbalancedDocumentRow((int)r.Count(0), r.Text(1), r.Text(2), r.Money(3), r.Money(4), r.Money(5), r.Money(6)), cancellationToken);
    }

    private static async Task<StagingSnapshot> ReadAsync(IStagingProvider provider, string runId, Task<List<UnbalancedDocumentRow>> documents, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(provider, connection, runId);
        var run = (await db.RowsAsync(Queries.Run, ReadRun, cancellationToken)).SingleOrDefault()
            ?? throw new ReconcileException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and --connection) and give one of their ids.");
        var files = await db.RowsAsync(Queries.Files, r => new RecordedFile(r.Text(0), r.Text(1), r.Count(2), r.OptionalCount(3), r.OptionalMoney(4), r.OptionalMoney(5)), cancellationToken);
        var staged = await db.RowsAsync(
            Queries.StagedLines,
            r => (File: r.Text(0), Key: Key(r, 1), Target: r.Text(5), Source: new Sides(r.Money(6), r.Money(7)), Records: r.Count(8), Staged: new Sides(r.Money(9), r.Money(10))),
            cancellationToken);
        var stagedSource = staged.GroupBy(s => (s.File, s.Key))
            .Select(g => (g.Key.File, g.Key.Key, Sides: g.Aggregate(default(Sides), (sum, s) => sum + s.Source), Records: g.Sum(s => s.Records)))
            .Where(s => s.Records > 0)
            .ToList();
        var stagedFlows = staged.GroupBy(s => (Key: s.Key with { Article = null }, s.Target))
            .Select(g => (g.Key.Key, g.Key.Target, g.Aggregate(default(Sides), (sum, s) => sum + s.Staged)))
            .ToList();
        var rowsPerFile = stagedSource.GroupBy(s => s.File).Select(g => (Kind: "staged", File: g.Key, Count: g.Sum(s => s.Records))).ToList();
        rowsPerFile.AddRange(await db.RowsAsync(Queries.RowsPerFile, r => (r.Text(0), r.Text(1), r.Count(2)), cancellationToken));
        return new StagingSnapshot(
            run,
            files,
            rowsPerFile,
            (await db.RowsAsync(Queries.BalanceFileTotals, r => (File: r.Text(0), Sides: new Sides(r.Money(1), r.Money(2))), cancellationToken)).ToDictionary(x => x.File, x => x.Sides),
            stagedSource.Select(s => (s.File, s.Key, s.Sides)).ToList(),
            stagedFlows,
            await db.RowsAsync(Queries.Unmapped, r => new UnmappedGroup(r.Text(0), Key(r, 1), r.Count(5), new Sides(r.Money(6), r.Money(7))), cancellationToken),
            await documents,
            await db.RowsAsync(Queries.Rejected, r => new RejectedLineRow(r.Text(0), r.Count(1), r.OptionalText(2), r.Text(3), r.Text(4), r.Text(5)), cancellationToken),
            await db.RowsAsync(Queries.Balance, r => new BalanceRecord(r.Text(0), r.Text(1), new Sides(r.Money(2), r.Money(3)), new Sides(r.Money(4), r.Money(5)), new Sides(r.Money(6), r.Money(7))), cancellationToken),
            await db.RowsAsync(Queries.Articles, r => (r.Text(0), r.Text(1), r.Text(2), r.Money(3), r.Money(4)), cancellationToken),
            (await db.RowsAsync(Queries.Commitments, r => (Article: r.Text(0), Sides: new Sides(r.Money(1), r.Money(2))), cancellationToken)).ToDictionary(x => x.Article, x => x.Sides),
            (await db.RowsAsync(Queries.ThirdPartyFiles, r => r.Text(0), cancellationToken)).ToHashSet(StringComparer.Ordinal),
            await StagedThirdParties.MaskerAsync(db, cancellationToken));
    }

    private static LedgerKey Key(StagingReader.Row r, int first) =>
        new((int)r.Count(first), r.Text(first + 1), r.Text(first + 2), r.OptionalText(first + 3) is { Length: > 0 } article ? article : null);

    internal static RunSummary ReadRun(StagingReader.Row r) => new(
        r.Text(0), r.Text(1), r.Text(2), r.Text(3), (int)r.Count(4), r.Text(5),
        new MappingReference(r.Text(6), r.Text(7), r.Text(8), r.OptionalText(14) is { } by ? new MappingApproval(by, r.Date(15)) : null),
        r.Time(9) ?? DateTime.MinValue, r.Time(10), r.Text(11), r.Text(12), r.OptionalText(13))
    {
        Tolerances = new Tolerances(r.OptionalCount(16), r.OptionalMoney(17), r.OptionalCount(18)),
    };
}

/// <summary>A <c>run_files</c> row: the hash, records read and control file figures of one source file.</summary>
internal sealed record RecordedFile(string Name, string Sha256, long LinesRead, long? ControlLines, decimal? ControlDebit, decimal? ControlCredit);

/// <summary>Unmapped lines of one file at the ledger grain.</summary>
internal sealed record UnmappedGroup(string File, LedgerKey Key, long Count, Sides Sides);

/// <summary>A <c>legacy_balance</c> row: opening, movements and closing of one account.</summary>
internal sealed record BalanceRecord(string Account, string Label, Sides Opening, Sides Movements, Sides Closing);
