using Bascule.Extract.Privacy;
using Bascule.Extract.Values;
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
    IReadOnlyDictionary<string, DebitCredit> BalanceFileTotals,
    IReadOnlyList<(string File, LedgerKey Key, DebitCredit Amounts)> StagedSource,
    IReadOnlyList<(LedgerKey Key, string Target, DebitCredit Amounts)> StagedFlows,
    IReadOnlyList<UnmappedGroup> Unmapped,
    IReadOnlyList<UnbalancedDocumentRow> UnbalancedDocuments,
    IReadOnlyList<RejectedLineRow> Rejected,
    IReadOnlyList<BalanceRecord> Balance,
    IReadOnlyList<(string Article, string Label, string Kind, decimal Committed, decimal Charged)> Articles,
    IReadOnlyDictionary<string, DebitCredit> Commitments,
    IReadOnlySet<string> ThirdPartyFiles,
    PersonalDataMasker Masker)
{
    public static async Task<StagingSnapshot> ReadAsync(IStagingProvider provider, RunId runId, CancellationToken cancellationToken)
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
            await documents.ContinueWith(
                _ => { },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    private static async Task<List<UnbalancedDocumentRow>> UnbalancedDocumentsAsync(
        IStagingProvider provider,
        RunId runId,
        CancellationToken cancellationToken)
    {
        await Task.Yield();
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        if ((await db.RowsAsync<long>(Queries.UnbalancedDocumentCount, cancellationToken)).Single() == 0)
        {
            return [];
        }

        return (await db.RowsAsync<Queries.UnbalancedDocument>(Queries.UnbalancedDocuments, cancellationToken))
            .Select(d => new UnbalancedDocumentRow(
                d.FiscalYear,
                d.Journal,
                d.Document,
                new(d.StagedDebit.Value, d.StagedCredit.Value),
                new(d.UnmappedDebit.Value, d.UnmappedCredit.Value)))
            .ToList();
    }

    private static async Task<StagingSnapshot> ReadAsync(
        IStagingProvider provider,
        RunId runId,
        Task<List<UnbalancedDocumentRow>> documents,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        var run = await ReadRunAsync(db, cancellationToken)
            ?? throw new ReconcileException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and "
                    + $"--connection) and give one of their ids.");
        var files = (await db.RowsAsync<Queries.FileRow>(Queries.Files, cancellationToken))
            .Select(f => new RecordedFile(f.SourceFile, f.Sha256, f.LinesRead, f.ControlLines, f.ControlDebit, f.ControlCredit))
            .ToList();
        var staged = await db.RowsAsync<Queries.StagedGroup>(Queries.StagedLines, cancellationToken);
        var stagedSource = staged.GroupBy(s => (s.SourceFile, s.Key))
            .Select(g => (File: g.Key.SourceFile, g.Key.Key, Amounts: DebitCredit.Sum(g.Select(s => s.Source)), Records: g.Sum(
                s => s.SourceRecords)))
            .Where(s => s.Records > 0)
            .ToList();
        var stagedFlows = staged.GroupBy(s => (Key: s.Key with { Article = null }, s.TargetAccount))
            .Select(g => (g.Key.Key, g.Key.TargetAccount, DebitCredit.Sum(g.Select(s => s.Amounts))))
            .ToList();
        var rowsPerFile = stagedSource.GroupBy(s => s.File).Select(g => (Kind: "staged", File: g.Key, Count: g.Sum(s => s.Records)))
            .ToList();
        rowsPerFile.AddRange(
            (await db.RowsAsync<Queries.FileCount>(Queries.RowsPerFile, cancellationToken)).Select(c => (c.Kind, c.SourceFile, c.Records)));
        return new StagingSnapshot(
            run,
            files,
            rowsPerFile,
            (await db.RowsAsync<Queries.FileTotals>(Queries.BalanceFileTotals, cancellationToken)).ToDictionary(
                t => t.SourceFile,
                t => t.Amounts),
            stagedSource.Select(s => (s.File, s.Key, s.Amounts)).ToList(),
            stagedFlows,
            (await db.RowsAsync<Queries.UnmappedGroupRow>(Queries.Unmapped, cancellationToken)).Select(
                u => new UnmappedGroup(u.SourceFile, u.Key, u.Records, u.Amounts)).ToList(),
            await documents,
            (await db.RowsAsync<Queries.RejectedLine>(Queries.Rejected, cancellationToken))
                .Select(r => new RejectedLineRow(r.SourceFile, r.Line, r.ColumnName, r.Reason, r.Message, r.RawText))
                .ToList(),
            (await db.RowsAsync<Queries.BalanceRow>(Queries.Balance, cancellationToken))
                .Select(b => new BalanceRecord(
                    b.Account,
                    b.Label,
                    new(b.OpeningDebit.Value, b.OpeningCredit.Value),
                    new(b.MovementDebit.Value, b.MovementCredit.Value),
                    new(b.ClosingDebit.Value, b.ClosingCredit.Value)))
                .ToList(),
            (await db.RowsAsync<Queries.ArticleRow>(Queries.Articles, cancellationToken)).Select(
                a => (a.Article, a.Label, a.Kind, a.Committed.Value, a.Charged.Value)).ToList(),
            (await db.RowsAsync<Queries.ArticleRow>(Queries.Commitments, cancellationToken)).ToDictionary(
                c => c.Article,
                c => new DebitCredit(c.Committed.Value, c.Charged.Value)),
            (await db.RowsAsync<string>(Queries.ThirdPartyFiles, cancellationToken)).ToHashSet(StringComparer.Ordinal),
            await StagedThirdParties.MaskerAsync(db, cancellationToken));
    }

    /// <summary>The run's <c>runs</c> row, or null when the staging database has no such run.</summary>
    internal static async Task<RunSummary?> ReadRunAsync(StagingReader db, CancellationToken cancellationToken) =>
        (await db.RowsAsync<Queries.RunRow>(Queries.Run, cancellationToken)).Select(Summary).SingleOrDefault();

    private static RunSummary Summary(Queries.RunRow r) => new(
        RunId.Parse(r.RunId),
        r.Entity, r.EntityType, r.InsCode, new FiscalYear(r.FiscalYear), RunStatuses.Parse(r.Status),
        new MappingIdentity(r.MappingId, r.MappingVersion, r.MappingSha256),
        StoredTime.Utc(r.StartedUtc) ?? DateTime.MinValue, StoredTime.Utc(r.FinishedUtc), r.StartedBy, r.ToolVersion, r.Fingerprint)
    {
        Tolerances = new Tolerances(r.ToleratedUnmappedLines, r.ToleratedUnmappedEuros?.Value, r.ToleratedRejectedLines),
        MappingApproval = r.ApprovedBy is { } by ? new MappingApproval(by, StoredDate.Parse(r.ApprovedOn)) : null,
    };
}

/// <summary>A <c>run_files</c> row: the hash, records read and control file figures of one source file.</summary>
internal sealed record RecordedFile(
    string Name,
    string Sha256,
    long LinesRead,
    long? ControlLines,
    Amount? ControlDebit,
    Amount? ControlCredit);

/// <summary>Unmapped lines of one file at the ledger grain.</summary>
internal sealed record UnmappedGroup(string File, LedgerKey Key, long Count, DebitCredit Amounts);

/// <summary>A <c>legacy_balance</c> row: opening, movements and closing of one account.</summary>
internal sealed record BalanceRecord(string Account, string Label, DebitCredit Opening, DebitCredit Movements, DebitCredit Closing);
