using System.Security.Cryptography;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Reconcile.Checks;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile;

/// <summary>
/// Computes a run's reconciliation (the nine checks of the reconciliation spec) from what the staging database holds,
/// never from counters kept during the load. With <c>exportFolder</c>, the source side of the ledger checks (3, 5, 6, 7, 8)
/// is recomputed from <c>ECRITURES.csv</c> itself and every file's SHA-256 is compared with the one the run recorded;
/// without it, the source side is read back from the staged lines' source amounts and the unmapped lines.
/// </summary>
public static class Reconciler
{
    public static async Task<ReconciliationResult> ComputeAsync(IStagingProvider provider, string runId, string? exportFolder, CancellationToken cancellationToken, ExportProfile? profile = null)
    {
        // The database aggregates the run while this process re-reads the export: the two sides are independent.
        var reading = StagingSnapshot.ReadAsync(provider, runId, cancellationToken);
        var rereading = exportFolder is null ? null : Task.Run(() => ReadLedgerAsync(exportFolder, profile ?? ExportProfile.Default, cancellationToken), cancellationToken);
        StagingSnapshot snapshot;
        try
        {
            snapshot = await reading;
        }
        finally
        {
            // Not left running (nor its fault unobserved) when the database side failed.
            if (rereading is not null)
            {
                await rereading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        SourceLedger ledger;
        IReadOnlyDictionary<string, string>? hashes = null;
        if (rereading is null)
        {
            ledger = SourceLedger.FromDatabase(snapshot);
        }
        else
        {
            var (export, read) = await rereading;
            Verify(exportFolder!, export, snapshot.Run);
            ledger = read;
            hashes = await HashesAsync(exportFolder!, snapshot.Files.Select(f => f.Name), cancellationToken);
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
            DateTime.UtcNow);
    }

    private static Totals Totals(CheckContext context, IReadOnlyList<SourceFileResult> files, IReadOnlyList<JournalRow> journals)
    {
        var ledgerFiles = files.Where(f => context.LedgerFiles.Contains(f.Name) && f.Rejected > 0).ToList();
        return new Totals(
            journals.Sum(j => j.SourceDebit),
            journals.Sum(j => j.SourceCredit),
            journals.Sum(j => j.StagedDebit),
            journals.Sum(j => j.StagedCredit),
            journals.Sum(j => j.UnmappedDebit),
            journals.Sum(j => j.UnmappedCredit),
            ledgerFiles.Sum(f => f.ControlDebit is { } control ? control - (f.Debit ?? 0m) : 0m),
            ledgerFiles.Sum(f => f.ControlCredit is { } control ? control - (f.Credit ?? 0m) : 0m));
    }

    private static async Task<(LegacyExport Export, SourceLedger Ledger)> ReadLedgerAsync(string folder, ExportProfile profile, CancellationToken cancellationToken)
    {
        try
        {
            var export = LegacyExport.Open(folder, profile);
            return (export, await SourceLedger.FromExportAsync(export, cancellationToken));
        }
        catch (ExportFileException ex)
        {
            throw new ReconcileException($"The export folder {folder} cannot be read for the reconciliation: {ex.Message} Give the folder the run read, or leave --export out.", ex);
        }
    }

    private static void Verify(string folder, LegacyExport export, RunSummary run)
    {
        var control = export.Control;
        if (control.InsCode != run.InsCode || control.FiscalYear.Value != run.FiscalYear || control.EntityType.ToCode() != run.EntityType)
        {
            throw new ReconcileException(
                $"The export folder {folder} is {control.EntityName} ({control.EntityType.ToCode()} {control.InsCode}) {control.FiscalYear}, " +
                $"but run {run.RunId} is {run.Entity} ({run.EntityType} {run.InsCode}) {run.FiscalYear}: give the export folder that run read, or leave --export out.");
        }
    }

    private static async Task<IReadOnlyDictionary<string, string>> HashesAsync(string folder, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path))
            {
                await using var stream = File.OpenRead(path);
                hashes[name] = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
            }
        }

        return hashes;
    }
}
