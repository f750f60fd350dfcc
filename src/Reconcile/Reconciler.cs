using System.Security.Cryptography;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Values;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile.Checks;
using Bascule.Reconcile.Continuity;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile;

/// <summary>
/// Computes a run's reconciliation (the ten checks of the reconciliation spec), its staged side from what the staging
/// database holds, never from counters kept during the load. With <c>exportFolder</c>, the source side of the ledger
/// checks (3, 5, 6, 7, 8) is recomputed from <c>ECRITURES.csv</c> itself and every file's SHA-256 is compared with the one
/// the run recorded; a migration gives instead the source side its load read (<see cref="LoadedSource"/>: the parsed
/// records before mapping, and the hashes of the bytes parsed); without either, the source side is read back from the
/// staged lines' source amounts and the unmapped lines.
/// </summary>
public static class Reconciler
{
    public static Task<ReconciliationResult> ComputeAsync(
        IStagingProvider provider,
        RunId runId,
        string? exportFolder,
        CancellationToken cancellationToken,
        ExportProfile? profile = null) =>
        ComputeAsync(
            provider,
            runId,
            exportFolder is null ? null : StartSourceReread(exportFolder, profile ?? ExportProfile.Default, cancellationToken),
            cancellationToken);

    /// <summary>
    /// Starts the source side of a reconciliation: <c>ECRITURES.csv</c> re-read and aggregated, then every data file
    /// hashed, by a reader of its own, independent of any load. It needs nothing from the staging database, so it can run
    /// while the database aggregates the run, and is handed to
    /// <see cref="ComputeAsync(IStagingProvider, RunId, SourceReread?, CancellationToken)"/>.
    /// </summary>
    public static SourceReread StartSourceReread(string exportFolder, ExportProfile profile, CancellationToken cancellationToken) =>
        new(exportFolder, Task.Run(() => ReadSourceAsync(exportFolder, profile, cancellationToken), cancellationToken));

    /// <summary>The reconciliation of a run, with the source side from <paramref name="reread"/> (or, when null, from the staged
    /// rows).</summary>
    public static Task<ReconciliationResult> ComputeAsync(
        IStagingProvider provider,
        RunId runId,
        SourceReread? reread,
        CancellationToken cancellationToken) =>
        ComputeAsync(provider, runId, reread, null, cancellationToken);

    /// <summary>
    /// The reconciliation of the run that has just loaded, with the source side its load read: the ledger's figures summed
    /// from the parsed records, and each file's hash as parsed, compared with the one the run recorded from its count.
    /// </summary>
    public static Task<ReconciliationResult> ComputeFromLoadAsync(
        IStagingProvider provider,
        RunId runId,
        LoadedSource source,
        CancellationToken cancellationToken) =>
        ComputeAsync(provider, runId, null, source, cancellationToken);

    private static async Task<ReconciliationResult> ComputeAsync(
        IStagingProvider provider, RunId runId, SourceReread? reread, LoadedSource? loaded, CancellationToken cancellationToken)
    {
        // The database aggregates the run while the export is re-read (or has been): the two sides are independent.
        var reading = StagingSnapshot.ReadAsync(provider, runId, cancellationToken);
        StagingSnapshot snapshot;
        try
        {
            snapshot = await reading;
        }
        finally
        {
            // Not left running (nor its fault unobserved) when the database side failed.
            if (reread is not null)
            {
                await reread.SettleAsync();
            }
        }

        SourceLedger ledger;
        IReadOnlyDictionary<string, string>? hashes = null;
        if (loaded is not null)
        {
            var source = loaded.Side();
            ledger = source.Ledger;
            hashes = source.Hashes;
        }
        else if (reread is null)
        {
            ledger = SourceLedger.FromDatabase(snapshot);
        }
        else
        {
            var source = await reread.Reading;
            Verify(reread.Folder, source.Export, snapshot.Run);
            ledger = source.Ledger;
            hashes = await HashesAsync(reread.Folder, snapshot.Files.Select(f => f.Name), source.Hashes, cancellationToken);
        }

        var context = new CheckContext(snapshot, ledger, hashes);
        var files = CompletenessCheck.Run(context);
        ControlTotalsCheck.Run(context, files);
        var journals = AmountsCheck.Run(context);
        BalanceCheck.Run(context);
        var legacyAccounts = LegacyAccountCheck.Run(context);
        var targetAccounts = TargetAccountCheck.Run(context);
        var trialBalance = TrialBalanceCheck.Run(context);
        var articles = BudgetCheck.Run(context);
        var unmapped = ExceptionsCheck.Run(context);
        var continuity = await ContinuityCheck.RunAsync(provider, snapshot, context, cancellationToken);
        var signOffs = await SignOffStore.ListAsync(provider, runId, cancellationToken);
        // SQLite's reads of the run (its engine runs in our process, the staged lines in parts on threads of their own)
        // freed their sorters and caches: given back before the reports are built.
        ProcessMemory.ReturnFreedNativeMemory();

        return new ReconciliationResult(
            snapshot.Run,
            ledger.Origin,
            files,
            Totals(context, files, journals),
            legacyAccounts,
            targetAccounts,
            journals,
            articles,
            trialBalance,
            unmapped,
            snapshot.Rejected,
            snapshot.UnbalancedDocuments,
            context.Checks,
            snapshot.ThirdPartyFiles,
            DateTime.UtcNow)
        {
            Masker = snapshot.Masker,
            Continuity = continuity,
            SignOffs = signOffs,
        };
    }

    private static Totals Totals(CheckContext context, IReadOnlyList<SourceFileResult> files, IReadOnlyList<JournalRow> journals)
    {
        var ledgerFiles = files.Where(f => context.LedgerFiles.Contains(f.Name) && f.Rejected > 0).ToList();
        return new Totals(
            Source: new(journals.Sum(j => j.Source.Debit), journals.Sum(j => j.Source.Credit)),
            Staged: new(journals.Sum(j => j.Staged.Debit), journals.Sum(j => j.Staged.Credit)),
            Unmapped: new(journals.Sum(j => j.Unmapped.Debit), journals.Sum(j => j.Unmapped.Credit)),
            Rejected: new(
                ledgerFiles.Sum(f => f.ControlDebit is { } control ? control.Value - (f.Amounts?.Debit ?? 0m) : 0m),
                ledgerFiles.Sum(f => f.ControlCredit is { } control ? control.Value - (f.Amounts?.Credit ?? 0m) : 0m)));
    }

    private static async Task<SourceSide> ReadSourceAsync(string folder, ExportProfile profile, CancellationToken cancellationToken)
    {
        LegacyExport export;
        SourceLedger ledger;
        try
        {
            export = LegacyExport.Open(folder, profile);
            ledger = await SourceLedger.FromExportAsync(export, cancellationToken);
        }
        catch (ExportFileException ex)
        {
            throw new ReconcileException($"The export folder {folder} cannot be read for the reconciliation: {ex.Message} Give the folder "
                + $"the run read, or leave --export out.", ex);
        }

        // Hashed once read, as the reconciliation would after it: what the run recorded is compared with these.
        var names = Enum.GetValues<ExportFile>().Select(file => Path.GetFileName(export.PathOf(file)));
        return new SourceSide(export, ledger, await HashesAsync(folder, names, new Dictionary<string, string>(), cancellationToken));
    }

    private static void Verify(string folder, LegacyExport export, RunSummary run)
    {
        var control = export.Control;
        if (control.InsCode != run.InsCode || control.FiscalYear != run.FiscalYear || control.EntityType.ToCode() != run.EntityType)
        {
            throw new ReconcileException(
                $"The export folder {folder} is {control.EntityName} ({control.EntityType.ToCode()} {control.InsCode}) "
                    + $"{control.FiscalYear}, " +
                $"but run {run.RunId} is {run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}: give the export folder that run "
                    + $"read, or leave --export out.");
        }
    }

    // The files the run recorded, by name: those hashed with the re-read are taken from it, any other is hashed now.
    private static async Task<IReadOnlyDictionary<string, string>> HashesAsync(
        string folder,
        IEnumerable<string> names,
        IReadOnlyDictionary<string, string> known,
        CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (known.TryGetValue(name, out var hash))
            {
                hashes[name] = hash;
            }
            else if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                hashes[name] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }
        }

        return hashes;
    }
}
