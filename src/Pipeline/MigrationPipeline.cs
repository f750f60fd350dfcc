using System.Data.Common;
using System.Globalization;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.Leases;
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

    /// <exception cref="MigrationFailedException">The run could not complete (or could not start); nothing was published.</exception>
    /// <exception cref="MigrationCancelledException">Cancelled; the message says what became of the run.</exception>
    public async Task<MigrationResult> RunAsync(MigrationRequest request, CancellationToken cancellationToken)
    {
        // Nullable so that the mapping's rules (tens of megabytes for a mapping of tens of thousands of rules) can go once the
        // ledger is loaded: the async method would otherwise hold them through the reconciliation and the reports.
        var prepared = Prepare(request);
        var export = prepared.Export;
        LineMapper? mapper = prepared.Mapper;
        var control = export.Control;
        var policy = (request.Policies ?? PolicySet.None).For(control.InsCode, control.EntityType);
        RequireApproval(policy, mapper, control);
        // A file-level fault (an incomplete file, a ledger of another year) is found before the staging database is
        // touched at all, even to look for another run of the entity and year: a refused export leaves it as it was.
        // The same pass hashes each file: the run records the count of the very bytes whose SHA-256 it records.
        var counted = VerifyRecordCounts(export, cancellationToken);
        var header = new RunHeader(
            control.EntityName, control.EntityType, control.InsCode, control.FiscalYear, mapper.Identity, Environment.UserName, ToolVersion
                .Current, request.Job,
            mapper.Version.Approval, policy.Tolerances.IsNone ? null : policy.Tolerances);
        // A run of the same entity and year still loading elsewhere stops this one, or is waited for.
        await WaitForEntityYearAsync(header, request, cancellationToken);
        StagingRun run;
        try
        {
            run = await BeginAsync(header, request, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            throw NotStarted(ex, cancellationToken);
        }

        // The heartbeat stops on every way out; a run that lost its lease (another run cleaned it up) stops at once.
        await using var lease = run;
        using var live = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, run.LeaseLost);
        var token = live.Token;
        ReconciliationResult report;
        string fingerprint;
        var status = RunStatus.Published;
        RunId? stillPublished = null;
        string? heldReason = null;
        // Only batches are retried: the step that met a fault goes into the message, so support knows where it stopped.
        var step = "loading";
        try
        {
            // The reconciliation's source side: the ledger as the load reads it, summed apart from the load's counters.
            LoadedSource? source = new(export);
            await LoadLedgerAsync(export, mapper, source, run, token);
            mapper = null;
            await LoadSideFilesAsync(export, run, token);
            step = "recording the source files";
            await run.RecordFilesAsync(RunFiles(export, counted), token);

            step = "loading";
            await run.FlushAsync(token);
            // The load's SQLite writers freed their caches and statements: give that memory back before the reconciliation.
            ProcessMemory.ReturnFreedNativeMemory();

            // Both only read the committed rows, on connections of their own: they run side by side. Reconciled before
            // publishing, so a run that cannot be reconciled is never published.
            step = "computing the fingerprint and reconciling";
            var fingerprinting = FingerprintAsync(run, token);
            var reconciling = ReconcileAsync(run, source, token);
            await Task.WhenAll(fingerprinting, reconciling);
            fingerprint = await fingerprinting;
            report = await reconciling;
            source = null;

            // A FAILED reconciliation holds the run: its rows stay for the reports, the published run stays published.
            if (report.Status == Verdict.Failed)
            {
                step = "holding";
                heldReason = HeldMessage(report);
                stillPublished = await run.HoldAsync(fingerprint, heldReason, token);
                status = RunStatus.Held;
            }
            else
            {
                // Never over better figures: a run worse than the published one is held, and the published one stays.
                step = "publishing";
                var outcome = await run.PublishUnlessWorseAsync(fingerprint, report.Status.ToCode(), token);
                if (!outcome.Published)
                {
                    (status, stillPublished, heldReason) = (RunStatus.Held, outcome.StillPublished, outcome.HeldMessage);
                }
            }
        }
        catch (Exception ex)
        {
            throw await FailedAsync(run, step, ex, request, cancellationToken);
        }

        report = report with { Run = report.Run with { RunStatus = status, Fingerprint = fingerprint } };
        var outFolder = request.OutFolder ?? Path.Combine(request.OutRoot, "runs", run.Id.Value);
        // The load's and the reconciliation's working sets are garbage now; with tens of thousands of accounts the heap kept
        // them committed (60 MB and more) while the reports were built on top.
        ProcessMemory.ReturnFreedMemory();
        try
        {
            var files = await ReportWriter.WriteAllAsync(report, outFolder, request.Reports ?? new ReportOptions(), cancellationToken);
            return new MigrationResult(run.Id, fingerprint, report, files, run.RowsWritten, run.Retries)
            {
                Status = status,
                StillPublished = stillPublished,
                HeldReason = heldReason,
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new MigrationFailedException(
                $"Run {run.Id} was {status.ToCode()}, but its reports could not be written to {outFolder}: {ex.Message} Regenerate them "
                    + $"with: bascule report --run {run.Id}.",
                MigrationFailureKind.Infrastructure,
                ex);
        }
        catch (OperationCanceledException ex)
        {
            throw new MigrationCancelledException(
                $"Run {run.Id} was {status.ToCode()} before the cancellation, but its reports were not written to {outFolder} (nothing "
                    + $"half-written is left there). " +
                $"Regenerate them with: bascule report --run {run.Id}.",
                run.Id,
                true,
                ex,
                cancellationToken);
        }
    }

    // What a run that stopped before it was published becomes, and the exception that says so: marked failed with its
    // rows deleted (a cancelled run records request.CancelledMessage, one that lost its lease why), or, when its publish
    // or hold committed all the same, what it is.
    private async Task<Exception> FailedAsync(
        StagingRun run,
        string step,
        Exception ex,
        MigrationRequest request,
        CancellationToken cancellationToken)
    {
        // A lost lease explains whatever fault followed it; after a cancellation, a fault may be how a cancelled statement
        // surfaced (a database error rather than OperationCanceledException): the run was cancelled all the same.
        var lost = cancellationToken.IsCancellationRequested ? null : run.LeaseLostMessage;
        var cancelled = lost is null && (ex is OperationCanceledException || cancellationToken.IsCancellationRequested);
        var message = lost ?? (cancelled ? request.CancelledMessage ?? MigrationRequest.DefaultCancelledMessage : Describe(ex));
        var (cleanup, after) = await TryFailAsync(run, message);
        var entityYear = $"{run.Header.EntityName} {run.Header.FiscalYear}";
        if (after is RunStatus.Published or RunStatus.Held)
        {
            var what = $"Run {run.Id} was {after.Value.ToCode()} just before it met "
                + $"{(cancelled ? "the cancellation" : $"this fault: {message}")}; its reports were not written. " +
                $"Regenerate them with: bascule report --run {run.Id}.";
            return cancelled
                ? new MigrationCancelledException(what, run.Id, true, ex, cancellationToken)
                : new MigrationFailedException(what, ex);
        }

        if (cancelled)
        {
            var outcome = cleanup.Length == 0 ? " It is marked failed and its rows are deleted." : cleanup;
            return new MigrationCancelledException(
                $"Run {run.Id} of {entityYear} was cancelled while {step}, before it was published.{outcome} {await PublishedAsync(run)}",
                run.Id,
                false,
                ex,
                cancellationToken);
        }

        return new MigrationFailedException($"Run {run.Id} failed while {step} and was not published: {message}{cleanup}", KindOf(ex), ex);
    }

    private async Task<string> FingerprintAsync(StagingRun run, CancellationToken cancellationToken)
    {
        _progress.Started("fingerprint", null);
        var fingerprint = await run.FingerprintAsync(cancellationToken);
        _progress.Completed("fingerprint", fingerprint);
        return fingerprint;
    }

    private async Task<ReconciliationResult> ReconcileAsync(StagingRun run, LoadedSource source, CancellationToken cancellationToken)
    {
        _progress.Started("reconcile", null);
        var report = await Reconciler.ComputeFromLoadAsync(provider, run.Id, source, cancellationToken);
        _progress.Completed("reconcile", $"{report.Status.ToString().ToUpperInvariant()}, {report.Checks.Count} checks");
        return report;
    }

    /// <summary>What a held run records as its message: the failed checks (the first 20; the report lists them all), and that it was not
    /// published.</summary>
    public static string HeldMessage(ReconciliationResult report)
    {
        var failed = report.Checks.Where(c => c.Status == Verdict.Failed).Select(c => c.Name).ToList();
        var names = string.Join(", ", failed.Take(20)) + (failed.Count > 20
            ? string.Create(CultureInfo.InvariantCulture, $" and {failed.Count - 20} more")
            : "");
        return $"Held, not published: reconciliation FAILED ({names}).";
    }

    // What a run that stopped left of the entity-year's published data: nothing changed, and which run it is.
    private async Task<string> PublishedAsync(StagingRun run)
    {
        var entityYear = $"{run.Header.EntityName} {run.Header.FiscalYear}";
        try
        {
            return await RunStore.PublishedRunAsync(provider, run.Header, CancellationToken.None) is { } published
                ? $"The published run of {entityYear}, {published}, is unchanged."
                : $"No run of {entityYear} is published; that is unchanged.";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $"The published run of {entityYear} is unchanged.";
        }
    }

    // The database may be the fault itself (server down, disk read-only): a run that cannot even be marked failed stays
    // loading, which no reader sees, and the next run of the entity and year abandons it. The user still gets the cause.
    private async Task<(string Note, RunStatus? Status)> TryFailAsync(StagingRun run, string message)
    {
        try
        {
            return ("", await run.FailAsync(message));
        }
        catch (Exception ex)
        {
            return ($" It could not be marked failed either ({Describe(ex)}): it stays 'loading', invisible to every reader, " +
                $"and the next run of {run.Header.EntityName} {run.Header.FiscalYear} cleans it up.", null);
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
    private static IReadOnlyDictionary<ExportFile, CountedFile> VerifyRecordCounts(LegacyExport export, CancellationToken cancellationToken)
    {
        try
        {
            return export.VerifyRecordCounts(cancellationToken);
        }
        catch (ExportFileException ex)
        {
            throw Refused(ex);
        }
    }

    // Under a policy that requires approved versions, an unapproved one is refused before anything is written.
    private static void RequireApproval(MigrationPolicy policy, LineMapper mapper, Extract.Control.ControlFile control)
    {
        if (policy.RequireApprovedMapping && mapper.Version.Approval is null)
        {
            throw new MigrationFailedException(
                $"Mapping {mapper.Identity.Id} {mapper.Identity.Version} (sha256 {mapper.Identity.Sha256}) is not approved, and "
                    + $"{control.EntityName} may only be " +
                "migrated with an approved version (setting Governance:RequireApprovedMapping, or requireApprovedMapping of the entity in "
                    + "the fleet file). " +
                $"Have it reviewed and approved (bascule mapping approve {mapper.Version.Directory} --by \"Name, role\"), or give an "
                    + $"approved version. " +
                "Nothing was written to the staging database.",
                MigrationFailureKind.Data);
        }
    }

    private static MigrationFailedException Refused(Exception ex)
        => new(ex.Message + " Nothing was written to the staging database.", MigrationFailureKind.Data, ex);

    // A file found damaged while loading (e.g. an unreadable byte deep in the ledger) is the data's fault; anything else
    // (database, disk, network) may pass on another attempt.
    private static MigrationFailureKind KindOf(Exception ex) =>
        ex is ExportFileException or MappingLoadException or MappingUnusableException
            ? MigrationFailureKind.Data
            : MigrationFailureKind.Infrastructure;

    private async Task WaitForEntityYearAsync(RunHeader header, MigrationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await provider.EnsureSchemaAsync(cancellationToken);
            await RunClaim.WaitUntilFreeAsync(provider, header, request.Staging, cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            throw NotStarted(ex, cancellationToken);
        }
        catch (Exception ex)
        {
            throw CouldNotStart(ex);
        }
    }

    private async Task<StagingRun> BeginAsync(RunHeader header, MigrationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await StagingRun.BeginAsync(provider, header, request.Staging, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw CouldNotStart(ex);
        }
    }

    private static MigrationCancelledException NotStarted(Exception ex, CancellationToken cancellationToken) =>
        new(
            "The migration was cancelled before its run started: nothing was written to the staging database.",
            null,
            false,
            ex,
            cancellationToken);

    // Another run holding the entity and year says so itself; any other fault is the database's.
    private MigrationFailedException CouldNotStart(Exception ex) =>
        ex is RunInProgressException
            ? new MigrationFailedException(provider.Scrub(ex.Message), MigrationFailureKind.Infrastructure, ex)
            : new MigrationFailedException(
                $"The staging database ({provider.Target}) could not start the run ({Describe(ex)}). Check that it is reachable, that the "
                    + $"account's name and password are right and that it may create tables; nothing was published.",
                MigrationFailureKind.Infrastructure,
                ex);

    private async Task LoadLedgerAsync(
        LegacyExport export,
        LineMapper mapper,
        LoadedSource source,
        StagingRun run,
        CancellationToken cancellationToken)
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
                source.Add(parsed.Value!);
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
        // Counts as plain integers, whatever the machine's culture: the one way the command line writes them (7739).
        _progress.Completed(
            stage,
            string.Create(CultureInfo.InvariantCulture, $"{read} lines: {staged} mapped, {unmapped} unmapped, {rejected} rejected"));
    }

    private async Task LoadSideFilesAsync(LegacyExport export, StagingRun run, CancellationToken cancellationToken)
    {
        await LoadAsync(
            "balance",
            export.ReadBalanceAsync(cancellationToken),
            line => run.AddBalanceAsync(AsReadRows.From(line), cancellationToken),
            run,
            cancellationToken);
        await LoadAsync(
            "articles",
            export.ReadArticlesAsync(cancellationToken),
            line => run.AddArticleAsync(AsReadRows.From(line), cancellationToken),
            run,
            cancellationToken);
        await LoadAsync(
            "commitments",
            export.ReadCommitmentsAsync(cancellationToken),
            line => run.AddCommitmentAsync(AsReadRows.From(line), cancellationToken),
            run,
            cancellationToken);
        await LoadAsync(
            "third parties",
            export.ReadThirdPartiesAsync(cancellationToken),
            party => run.AddThirdPartyAsync(AsReadRows.From(party), cancellationToken),
            run,
            cancellationToken);
        await run.FlushAsync(cancellationToken);
    }

    private async Task LoadAsync<T>(
        string stage,
        IAsyncEnumerable<Parsed<T>> records,
        Func<T, ValueTask> add,
        StagingRun run,
        CancellationToken cancellationToken)
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

        _progress.Completed(stage, string.Create(CultureInfo.InvariantCulture, $"{read} records, {rejected} rejected"));
    }

    // Each file as the count found it: its records and its SHA-256, both from the one pass before the load, apart from
    // the load's own read (whose hash the reconciliation compares with this one).
    private static List<RunFile> RunFiles(LegacyExport export, IReadOnlyDictionary<ExportFile, CountedFile> counted) =>
        Enum.GetValues<ExportFile>().Select(file =>
        {
            var control = export.Summary(file)?.Control ?? throw new InvalidOperationException($"{file} was not read.");
            var count = counted[file];
            return new RunFile(count.Name, count.Sha256, count.Records, control.Lines, control.TotalDebit, control.TotalCredit);
        }).ToList();

    // Bascule's own exceptions already say what, where and what to do, and a database's or the disk's own message says
    // what failed (PostgreSQL's with its SQLSTATE); only an unexpected fault gets its type, for the support desk.
    // Messages never carry a secret of the connection string.
    private string Describe(Exception ex) =>
        provider.Scrub(ex is StagingException or ExportFileException or MappingUnusableException or DbException or IOException
            or TimeoutException
            ? ex.Message
            : $"{ex.GetType().Name}: {ex.Message}");
}
