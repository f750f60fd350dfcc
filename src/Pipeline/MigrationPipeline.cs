using System.Data.Common;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Transform;

namespace Bascule.Pipeline;

/// <summary>
/// Extract → Transform → Load for one export, streaming: ledger lines are mapped and batched as they are read.
/// The export and the mapping are checked before any run row is written; any fault after that fails the run,
/// which removes its rows and leaves the published data exactly as it was. A run whose reconciliation is FAILED is
/// held, not published: its rows and reports are kept for review and the published run stays as it was.
/// </summary>
public sealed class MigrationPipeline(IStagingProvider provider, IMigrationProgress? progress = null)
{
    private readonly IMigrationProgress _progress = progress ?? SilentProgress.Instance;

    public async Task<MigrationResult> RunAsync(MigrationRequest request, CancellationToken cancellationToken)
    {
        var (export, mapper) = Prepare(request);
        // The reconciliation's source side re-reads the export itself, with nothing from the load: it starts now and
        // runs alongside the checks and the load, on the processor time they leave idle; it is stopped if the run fails.
        using var stopReread = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reread = Reconciler.StartSourceReread(export.Folder, export.Profile, stopReread.Token);
        StagingRun run;
        Task<IReadOnlyDictionary<ExportFile, string>> hashes;
        try
        {
            VerifyRecordCounts(export, cancellationToken);
            var control = export.Control;
            var header = new RunHeader(control.EntityName, control.EntityType, control.InsCode, control.FiscalYear, mapper.Identity, Environment.UserName, ToolVersion.Current, request.Job);
            hashes = Task.Run(() => HashFilesAsync(export, cancellationToken), cancellationToken);
            run = await BeginAsync(header, request, cancellationToken);
        }
        catch
        {
            await StopAsync(reread, stopReread);
            throw;
        }

        ReconciliationResult report;
        string fingerprint;
        var status = RunStatus.Published;
        RunId? stillPublished = null;
        // Only batches are retried: the step that met a fault goes into the message, so support knows where it stopped.
        var step = "loading";
        try
        {
            await LoadLedgerAsync(export, mapper, run, cancellationToken);
            await LoadSideFilesAsync(export, run, cancellationToken);
            step = "recording the source files";
            await run.RecordFilesAsync(RunFiles(export, await hashes), cancellationToken);

            step = "loading";
            await run.FlushAsync(cancellationToken);

            // Both only read the committed rows, on connections of their own: they run side by side. Reconciled before
            // publishing, so a run that cannot be reconciled is never published.
            step = "computing the fingerprint and reconciling";
            var fingerprinting = FingerprintAsync(run, cancellationToken);
            var reconciling = ReconcileAsync(run, reread, cancellationToken);
            await Task.WhenAll(fingerprinting, reconciling);
            fingerprint = await fingerprinting;
            report = await reconciling;

            // A FAILED reconciliation holds the run: its rows stay for the reports, the published run stays published.
            if (report.Status == Verdict.Failed)
            {
                step = "holding";
                stillPublished = await RunStore.HoldAsync(provider, run.Id, run.Header, fingerprint, HeldMessage(report), cancellationToken);
                status = RunStatus.Held;
            }
            else
            {
                step = "publishing";
                await run.PublishAsync(fingerprint, cancellationToken);
            }
        }
        catch (Exception ex)
        {
            await StopAsync(reread, stopReread);
            var message = ex is OperationCanceledException ? "Cancelled before it was published." : Describe(ex);
            var cleanup = await TryFailAsync(run, message);
            if (ex is OperationCanceledException)
            {
                throw;
            }

            throw new MigrationFailedException($"Run {run.Id} failed while {step} and was not published: {message}{cleanup}", KindOf(ex), ex);
        }

        report = report with { Run = report.Run with { RunStatus = status.ToCode(), Fingerprint = fingerprint } };
        var outFolder = request.OutFolder ?? Path.Combine(request.OutRoot, "runs", run.Id.Value);
        try
        {
            var files = await ReportWriter.WriteAllAsync(report, outFolder, request.Reports ?? new ReportOptions(), cancellationToken);
            return new MigrationResult(run.Id, fingerprint, report, files, run.RowsWritten, run.Retries) { Status = status, StillPublished = stillPublished };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MigrationFailedException(
                $"Run {run.Id} was {status.ToCode()}, but its reports could not be written to {outFolder}: {ex.Message} Regenerate them with: bascule report --run {run.Id}.",
                MigrationFailureKind.Infrastructure,
                ex);
        }
    }

    private async Task<string> FingerprintAsync(StagingRun run, CancellationToken cancellationToken)
    {
        _progress.Started("fingerprint", null);
        var fingerprint = await run.FingerprintAsync(cancellationToken);
        _progress.Completed("fingerprint", fingerprint);
        return fingerprint;
    }

    // A run that stops before its reconciliation stops the re-read too, and waits for it (its fault, if any, observed).
    private static async Task StopAsync(SourceReread reread, CancellationTokenSource stop)
    {
        await stop.CancelAsync();
        await reread.SettleAsync();
    }

    private async Task<ReconciliationResult> ReconcileAsync(StagingRun run, SourceReread reread, CancellationToken cancellationToken)
    {
        _progress.Started("reconcile", null);
        var report = await Reconciler.ComputeAsync(provider, run.Id.Value, reread, cancellationToken);
        _progress.Completed("reconcile", $"{report.Status.ToString().ToUpperInvariant()}, {report.Checks.Count} checks");
        return report;
    }

    /// <summary>What a held run records as its message: the failed checks (the first 20; the report lists them all), and that it was not published.</summary>
    public static string HeldMessage(ReconciliationResult report)
    {
        var failed = report.Checks.Where(c => c.Status == Verdict.Failed).Select(c => c.Name).ToList();
        var names = string.Join(", ", failed.Take(20)) + (failed.Count > 20 ? string.Create(CultureInfo.InvariantCulture, $" and {failed.Count - 20} more") : "");
        return $"Held, not published: reconciliation FAILED ({names}).";
    }

    // The database may be the fault itself (server down, disk read-only): a run that cannot even be marked failed stays
    // loading, which no reader sees, and the next run of the entity and year abandons it. The user still gets the cause.
    private async Task<string> TryFailAsync(StagingRun run, string message)
    {
        try
        {
            await run.FailAsync(message);
            return "";
        }
        catch (Exception ex)
        {
            return $" It could not be marked failed either ({Describe(ex)}): it stays 'loading', invisible to every reader, " +
                $"and the next run of {run.Header.EntityName} {run.Header.FiscalYear} cleans it up.";
        }
    }

    private static (LegacyExport Export, LineMapper Mapper) Prepare(MigrationRequest request)
    {
        try
        {
            var profile = request.ProfileFile is null ? ExportProfile.Default : ExportProfile.Load(request.ProfileFile);
            var export = LegacyExport.Open(request.ExportFolder, profile);
            var mapping = MappingVersion.Load(request.MappingFolder);
            var mapper = mapping.CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
            return (export, mapper);
        }
        catch (Exception ex) when (ex is ExportFileException or MappingLoadException or MappingUnusableException)
        {
            throw Refused(ex);
        }
    }

    // An incomplete export (a record count that disagrees with EXPORT.txt) stops the run before anything is loaded.
    private static void VerifyRecordCounts(LegacyExport export, CancellationToken cancellationToken)
    {
        try
        {
            export.VerifyRecordCounts(cancellationToken);
        }
        catch (ExportFileException ex)
        {
            throw Refused(ex);
        }
    }

    private static MigrationFailedException Refused(Exception ex) => new(ex.Message + " Nothing was written to the staging database.", MigrationFailureKind.Data, ex);

    // A file found damaged while loading (e.g. an unreadable byte deep in the ledger) is the data's fault; anything else
    // (database, disk, network) may pass on another attempt.
    private static MigrationFailureKind KindOf(Exception ex) =>
        ex is ExportFileException or MappingLoadException or MappingUnusableException ? MigrationFailureKind.Data : MigrationFailureKind.Infrastructure;

    private async Task<StagingRun> BeginAsync(RunHeader header, MigrationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await StagingRun.BeginAsync(provider, header, request.Staging, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new MigrationFailedException(
                $"The staging database ({provider.Target}) could not start the run ({Describe(ex)}). Check that it is reachable, that the account's name and password are right and that it may create tables; nothing was published.",
                MigrationFailureKind.Infrastructure,
                ex);
        }
    }

    private async Task LoadLedgerAsync(LegacyExport export, LineMapper mapper, StagingRun run, CancellationToken cancellationToken)
    {
        const string stage = "ledger";
        var entry = export.Control.Entry(export.Profile.Layout(ExportFile.Ledger).FileName);
        _progress.Started(stage, entry?.Lines);
        long read = 0, staged = 0, unmapped = 0, rejected = 0;
        await foreach (var parsed in export.ReadLedgerAsync(cancellationToken))
        {
            if (parsed.Rejected is { } reject)
            {
                rejected++;
                await run.AddRejectedAsync(reject, cancellationToken);
            }
            else
            {
                var mapped = mapper.Map(parsed.Value!);
                if (mapped.IsUnmapped)
                {
                    unmapped++;
                    await run.AddUnmappedAsync(mapped.Source, cancellationToken);
                }
                else
                {
                    staged++;
                    foreach (var target in mapped.Targets)
                    {
                        await run.AddStagedAsync(target, cancellationToken);
                    }
                }
            }

            if (++read % 10_000 == 0)
            {
                _progress.Advanced(stage, read);
            }
        }

        await run.FlushAsync(cancellationToken);
        _progress.Advanced(stage, read);
        _progress.Completed(stage, $"{read:N0} lines: {staged:N0} mapped, {unmapped:N0} unmapped, {rejected:N0} rejected");
    }

    private async Task LoadSideFilesAsync(LegacyExport export, StagingRun run, CancellationToken cancellationToken)
    {
        await LoadAsync("balance", export.ReadBalanceAsync(cancellationToken), line => run.AddBalanceAsync(AsReadRows.From(line), cancellationToken), run, cancellationToken);
        await LoadAsync("articles", export.ReadArticlesAsync(cancellationToken), line => run.AddArticleAsync(AsReadRows.From(line), cancellationToken), run, cancellationToken);
        await LoadAsync("commitments", export.ReadCommitmentsAsync(cancellationToken), line => run.AddCommitmentAsync(AsReadRows.From(line), cancellationToken), run, cancellationToken);
        await LoadAsync("third parties", export.ReadThirdPartiesAsync(cancellationToken), party => run.AddThirdPartyAsync(AsReadRows.From(party), cancellationToken), run, cancellationToken);
        await run.FlushAsync(cancellationToken);
    }

    private async Task LoadAsync<T>(string stage, IAsyncEnumerable<Parsed<T>> records, Func<T, ValueTask> add, StagingRun run, CancellationToken cancellationToken)
        where T : class
    {
        _progress.Started(stage, null);
        long read = 0, rejected = 0;
        await foreach (var parsed in records.WithCancellation(cancellationToken))
        {
            read++;
            if (parsed.Rejected is { } reject)
            {
                rejected++;
                await run.AddRejectedAsync(reject, cancellationToken);
            }
            else
            {
                await add(parsed.Value!);
            }
        }

        _progress.Completed(stage, $"{read:N0} records, {rejected:N0} rejected");
    }

    private static async Task<IReadOnlyDictionary<ExportFile, string>> HashFilesAsync(LegacyExport export, CancellationToken cancellationToken)
    {
        var hashes = new Dictionary<ExportFile, string>();
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            hashes[file] = await FileHashes.Sha256Async(export.PathOf(file), cancellationToken);
        }

        return hashes;
    }

    private static List<RunFile> RunFiles(LegacyExport export, IReadOnlyDictionary<ExportFile, string> hashes) =>
        Enum.GetValues<ExportFile>().Select(file =>
        {
            var summary = export.Summary(file) ?? throw new InvalidOperationException($"{file} was not read.");
            return new RunFile(summary.Name, hashes[file], summary.Records, summary.Control.Lines, summary.Control.TotalDebit, summary.Control.TotalCredit);
        }).ToList();

    // Bascule's own exceptions already say what, where and what to do, and a database's or the disk's own message says
    // what failed (PostgreSQL's with its SQLSTATE); only an unexpected fault gets its type, for the support desk.
    // Messages never carry a secret of the connection string.
    private string Describe(Exception ex) =>
        provider.Scrub(ex is StagingException or ExportFileException or MappingUnusableException or DbException or IOException or TimeoutException
            ? ex.Message
            : $"{ex.GetType().Name}: {ex.Message}");
}
