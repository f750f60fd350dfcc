using System.Runtime.InteropServices;
using Bascule.Extract.Privacy;
using Bascule.Extract.Values;
using Bascule.Load.Runs;
using Bascule.Transform.Mapping;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
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
        // The staged lines are the run's largest table: on a connection of its own, their longest reading runs while the
        // other queries do.
        var stagedSide = StagedSideAsync(provider, runId, cancellationToken);
        try
        {
            return await ReadAsync(provider, runId, stagedSide, cancellationToken);
        }
        finally
        {
            // Never left running, nor its fault unobserved, when the other queries failed.
            await stagedSide.ContinueWith(
                _ => { },
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }
    }

    /// <summary>
    /// On SQLite, whose engine runs in our process, one pass over the staged lines gives their groups and the documents'
    /// balance (<see cref="StagedLinesPass"/>); elsewhere the database groups them (<see cref="Queries.StagedLines"/>, then
    /// left null here) and this connection takes the documents' balance, the longest query. Only the documents whose
    /// staged lines do not balance are read, and only when there are some.
    /// </summary>
    private static async Task<StagedSide> StagedSideAsync(IStagingProvider provider, RunId runId, CancellationToken cancellationToken)
    {
        await Task.Yield();
        List<Queries.StagedGroup>? groups = null;
        long unbalanced = -1;
        if (provider.Kind == StagingProviderKind.Sqlite)
        {
            // In parts side by side, one per processor, on connections of their own (the other queries are short).
            (groups, unbalanced) = await StagedLinesPass.ReadAsync(
                provider,
                runId,
                Environment.ProcessorCount,
                StagedLinesPass.RowsPerPart,
                cancellationToken);
            if (unbalanced == 0)
            {
                return new StagedSide(groups, []);
            }
        }

        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        if (unbalanced < 0)
        {
            unbalanced = (await db.RowsAsync<long>(Queries.UnbalancedDocumentCount, cancellationToken)).Single();
        }

        if (unbalanced == 0)
        {
            return new StagedSide(groups, []);
        }

        return new StagedSide(
            groups,
            (await db.RowsAsync<Queries.UnbalancedDocument>(Queries.UnbalancedDocuments, cancellationToken))
                .Select(d => new UnbalancedDocumentRow(
                    d.FiscalYear,
                    d.Journal,
                    d.Document,
                    new(d.StagedDebit.Value, d.StagedCredit.Value),
                    new(d.UnmappedDebit.Value, d.UnmappedCredit.Value)))
                .ToList());
    }

    private static async Task<StagingSnapshot> ReadAsync(
        IStagingProvider provider,
        RunId runId,
        Task<StagedSide> stagedSide,
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
        var staged = provider.Kind == StagingProviderKind.Sqlite
            ? (await stagedSide).Groups!
            : await db.RowsAsync<Queries.StagedGroup>(Queries.StagedLines, cancellationToken);
        var (stagedSource, stagedFlows) = Sum(staged);
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
            (await stagedSide).UnbalancedDocuments,
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

    /// <summary>
    /// The staged groups summed at the source grain (file and ledger key, with the source records they stand for; only
    /// those that stand for some) and at the flow grain (ledger key without the article, target account), in the order the
    /// groups come. Summed into dictionaries rather than grouped: a run of tens of thousands of accounts would otherwise
    /// hold a grouping and its array for each, on top of the groups.
    /// </summary>
    private static (List<(string File, LedgerKey Key, DebitCredit Amounts, long Records)> Source,
        List<(LedgerKey Key, string Target, DebitCredit Amounts)> Flows) Sum(List<Queries.StagedGroup> staged)
    {
        var source = new Dictionary<(string File, LedgerKey Key), (DebitCredit Amounts, long Records)>();
        var flows = new Dictionary<(LedgerKey Key, string Target), DebitCredit>();
        foreach (var group in staged)
        {
            var key = group.Key;
            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(source, (group.SourceFile, key), out _);
            sums = (sums.Amounts + group.Source, sums.Records + group.SourceRecords);
            ref var flow = ref CollectionsMarshal.GetValueRefOrAddDefault(flows, (key with { Article = null }, group.TargetAccount), out _);
            flow += group.Amounts;
        }

        return (
            source.Where(s => s.Value.Records > 0).Select(s => (s.Key.File, s.Key.Key, s.Value.Amounts, s.Value.Records)).ToList(),
            flows.Select(f => (f.Key.Key, f.Key.Target, f.Value)).ToList());
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

/// <summary>The staged lines' groups when read in our process (SQLite), and the documents whose staged lines do not
/// balance.</summary>
internal sealed record StagedSide(List<Queries.StagedGroup>? Groups, List<UnbalancedDocumentRow> UnbalancedDocuments);

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
