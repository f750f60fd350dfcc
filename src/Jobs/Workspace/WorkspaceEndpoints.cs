using System.Security.Claims;
using System.Text;
using Bascule.Extract;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Workspace.Fleet;
using Bascule.Jobs.Workspace.Mapping;
using Bascule.Jobs.Workspace.Runs;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Load.Runs.SignOffs;
using Bascule.Reconcile;
using Bascule.Reconcile.Evidence;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Json;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Reports.Xlsx;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bascule.Jobs.Workspace;

/// <summary>
/// What the workspace's pages need from <c>serve</c>: the staging database, the job storage (jobs that failed before a
/// run existed), the runs' report files, the fleet file's entities (names of entities with no run yet), and the mappings
/// folder an evidence pack gathers the mapping versions from.
/// </summary>
public sealed record WorkspaceSources(
    IStagingProvider Staging,
    JobStorage Storage,
    RunFiles Files,
    IReadOnlyList<FleetEntity> Fleet,
    string MappingsRoot)
{
    /// <summary>The runs' reconciliations, computed once per run for its page.</summary>
    public RunReconciliations Reconciliations { get; } = new(Staging);

    /// <summary>The run a page's address names, or null when it names none the staging database holds.</summary>
    public async Task<RunInfo?> FindRunAsync(string run, CancellationToken cancellationToken) =>
        RunId.TryParse(run, out var id) ? await RunList.FindAsync(Staging, id, cancellationToken) : null;
}

/// <summary>
/// The workspace's pages and actions in <c>serve</c>: the fleet at <c>/</c>, a run at <c>/runs/{run}</c> with its report
/// files, the mapping version it used (<c>/runs/{run}/mapping</c>), its evidence pack (<c>/runs/{run}/evidence</c>,
/// accountants and auditors), and the forms that sign it off
/// (<c>POST /runs/{run}/signoffs</c>) and publish it when held (<c>POST /runs/{run}/publish</c>). Pages are Razor
/// components rendered on the server, without script, in the reader's language (<see cref="ReaderLanguages"/>).
/// </summary>
public static class WorkspaceEndpoints
{
    private const string SignOffsAction = "signoffs";
    private const string PublishAction = "publish";

    /// <summary>Whether a request to this path is one of the workspace's actions, answered to a posted form only.</summary>
    public static bool IsAction(PathString path) =>
        path.Value?.Split('/') is ["", "runs", var run, SignOffsAction or PublishAction] && RunId.TryParse(run, out _);

    public static WebApplication MapWorkspace(this WebApplication app, WorkspaceSources sources)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(sources);
        app.MapGet("/", async (HttpContext context, CancellationToken cancellationToken) =>
        {
            var rows = FleetRows.Build(
                await RunList.ReadAsync(sources.Staging, cancellationToken),
                MigrationJobs.Read(sources.Storage),
                await SignOffStore.ListAllAsync(sources.Staging, cancellationToken),
                sources.Fleet);
            return new RazorComponentResult<FleetView>(new Dictionary<string, object?>
            {
                [nameof(FleetView.Language)] = ReaderLanguages.Of(context),
                [nameof(FleetView.Rows)] = rows,
                [nameof(FleetView.Files)] = sources.Files,
                [nameof(FleetView.Reader)] = context.User,
            });
        });
        app.MapGet("/runs/{run}", async (string run, string? done, HttpContext context, CancellationToken cancellationToken) =>
        {
            var outcome = done switch
            {
                SignOffsAction => new ActionOutcome(false, false, WorkspaceTexts.SignOffRecorded),
                PublishAction => new ActionOutcome(false, true, WorkspaceTexts.Published),
                _ => null,
            };
            return await RunPageAsync(sources, context, run, outcome, cancellationToken);
        });
        app.MapPost($"/runs/{{run}}/{SignOffsAction}", (string run, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync(sources, context, run, publish: false, cancellationToken));
        app.MapPost($"/runs/{{run}}/{PublishAction}", (string run, HttpContext context, CancellationToken cancellationToken) =>
            ActAsync(sources, context, run, publish: true, cancellationToken));
        app.MapGet("/runs/{run}/mapping", (string run, HttpContext context, CancellationToken cancellationToken) =>
            MappingPage.ShowAsync(sources, context, run, cancellationToken));
        app.MapGet("/runs/{run}/evidence", (string run, HttpContext context, CancellationToken cancellationToken) =>
            EvidenceAsync(sources, context, run, cancellationToken));
        app.MapGet("/runs/{run}/{file}", (string run, string file, HttpContext context, CancellationToken cancellationToken) =>
            ReportFileAsync(sources, context, run, file, cancellationToken));
        return app;
    }

    /// <summary>
    /// A report file of the run as written; for a reader without the personal-data right, a file written with personal
    /// data shown is regenerated for this download with it masked, as the evidence pack does for such a reader.
    /// </summary>
    private static async Task<IResult> ReportFileAsync(
        WorkspaceSources sources, HttpContext context, string run, string file, CancellationToken cancellationToken)
    {
        if (sources.Files.Find(run, file) is not { } path || !RunId.TryParse(run, out var id))
        {
            return Results.NotFound();
        }

        if (WorkspaceRoles.SeesPersonalData(context.User) || !sources.Files.ShowsPersonalData(id))
        {
            return Results.File(path, RunFiles.ContentType(file), file);
        }

        if (await sources.FindRunAsync(run, cancellationToken) is not { } info)
        {
            return Results.NotFound();
        }

        var masked = new ReportOptions(ShowPersonalData: false);
        var result = await sources.Reconciliations.OfAsync(info, cancellationToken);
        var tables = ReportTables.Build(result, masked);
        switch (file)
        {
            case ReportWriter.HtmlFile:
                return Results.Bytes(
                    Encoding.UTF8.GetBytes(await HtmlReport.RenderAsync(result, tables)), RunFiles.ContentType(file), file);
            case ReportWriter.JsonFile:
                return Results.Bytes(
                    Encoding.UTF8.GetBytes(ReportJson.Serialize(ReconciliationDocument.From(result, masked))),
                    RunFiles.ContentType(file),
                    file);
            default:
                var folder = Directory.CreateTempSubdirectory("bascule-report-");
                context.Response.RegisterForDispose(new FolderRemoval(folder.FullName));
                var xlsx = Path.Combine(folder.FullName, file);
                XlsxWorkbookWriter.Write(tables, xlsx);
                return Results.File(xlsx, RunFiles.ContentType(file), file);
        }
    }

    private static async Task<IResult> RunPageAsync(
        WorkspaceSources sources, HttpContext context, string run, ActionOutcome? outcome, CancellationToken cancellationToken,
        int status = StatusCodes.Status200OK)
    {
        if (await sources.FindRunAsync(run, cancellationToken) is not { } info)
        {
            return Results.Text(
                WorkspaceTexts.NoSuchRun.In(ReaderLanguages.Of(context)),
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        var reconciliation = await sources.Reconciliations.OfAsync(info, cancellationToken);
        return new RazorComponentResult<RunView>(new Dictionary<string, object?>
        {
            [nameof(RunView.Report)] = reconciliation,
            [nameof(RunView.Tables)] = ReportTables.Build(reconciliation, new ReportOptions(WorkspaceRoles.SeesPersonalData(context.User))),
            [nameof(RunView.Links)] = RunLinks.For(info.Id, reconciliation),
            [nameof(RunView.Language)] = ReaderLanguages.Of(context),
            [nameof(RunView.Run)] = info,
            [nameof(RunView.RunSignOffs)] = await SignOffStore.ListAsync(sources.Staging, info.Id, cancellationToken),
            [nameof(RunView.Files)] = sources.Files,
            [nameof(RunView.Reader)] = context.User,
            [nameof(RunView.Outcome)] = outcome,
            [nameof(RunView.ReportSha256)] = sources.Files.CurrentHtml(info.Id) is { } html ? FileHashes.Sha256(html) : null,
        })
        { StatusCode = status };
    }

    /// <summary>
    /// Signs the run's report off, or publishes the held run with that sign-off: the signer is the reader signed in, with
    /// their signing role; the report read is the run's current HTML report. Done: back to the run's page (303). Refused:
    /// the run's page again with why, in the reader's language, and the comment typed.
    /// </summary>
    private static async Task<IResult> ActAsync(
        WorkspaceSources sources,
        HttpContext context,
        string run,
        bool publish,
        CancellationToken cancellationToken)
    {
        // Who may sign first: a reader who never may is told so, whatever the form holds.
        if (WorkspaceRoles.Name(context.User) is null || WorkspaceRoles.SigningRoles(context.User).Count == 0)
        {
            var who = WorkspaceRoles.Name(context.User) is null ? WorkspaceTexts.CannotSignLocal : WorkspaceTexts.CannotSignRole;
            return await RunPageAsync(
                sources,
                context,
                run,
                ActionOutcome.Refusal(publish, who, null),
                cancellationToken,
                StatusCodes.Status403Forbidden);
        }

        var antiforgery = context.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (AntiforgeryValidationException)
        {
            return await RunPageAsync(
                sources,
                context,
                run,
                ActionOutcome.Refusal(publish, WorkspaceTexts.RefusedForm, null),
                cancellationToken,
                StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var comment = form["comment"].ToString();
        if (await sources.FindRunAsync(run, cancellationToken) is not { } info)
        {
            return Results.Text(
                WorkspaceTexts.NoSuchRun.In(ReaderLanguages.Of(context)),
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        if (Refusal(context.User, info, form["role"].ToString(), comment, publish, sources.Files) is { } why)
        {
            return await RunPageAsync(
                sources,
                context,
                run,
                ActionOutcome.Refusal(publish, why.Text, comment),
                cancellationToken,
                why.Status);
        }

        var signer = new Signer(
            WorkspaceRoles.Name(context.User)!,
            SigningRole(context.User, form["role"].ToString())!.Value,
            context.User.FindFirst(WorkspaceRoles.AuthenticatedBy)?.Value ?? "basic");
        var html = sources.Files.CurrentHtml(info.Id)!;
        var sha256 = FileHashes.Sha256(html);
        if (form["report-sha256"].ToString() is { Length: > 0 } shown && !string.Equals(shown, sha256, StringComparison.Ordinal))
        {
            return await RunPageAsync(
                sources, context, run, ActionOutcome.Refusal(
                    publish,
                    WorkspaceTexts.RefusedReportChanged,
                    comment), cancellationToken, StatusCodes.Status409Conflict);
        }

        var request = new SignOffRequest(
            signer,
            new ReadReport(Path.GetFileName(html), sha256),
            SignOffRules.Reconciliation(info),
            publish ? SignOffDecision.PublishHeld : SignOffDecision.Reviewed,
            comment);
        try
        {
            if (publish)
            {
                await RunStore.PublishHeldAsync(sources.Staging, info.Id, request, cancellationToken);
            }
            else
            {
                await SignOffStore.AddAsync(sources.Staging, info.Id, request, cancellationToken);
            }
        }
        catch (StagingException ex)
        {
            // The run changed between the page and the post (published by someone else, its rows changed): the store says how.
            return await RunPageAsync(
                sources, context, run, ActionOutcome.Refusal(
                    publish,
                    WorkspaceTexts.RefusedDatabase,
                    comment,
                    ex.Message), cancellationToken, StatusCodes.Status409Conflict);
        }

        // 303: the browser shows the run's page with a GET, and reloading it posts nothing again.
        context.Response.Headers.Location = $"/runs/{info.Id.Value}?done={(publish ? PublishAction : SignOffsAction)}";
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>Why the reader's form cannot be recorded, checked before anything is read or written; null when it can.</summary>
    private static (Bilingual Text, int Status)? Refusal(
        ClaimsPrincipal reader,
        RunInfo run,
        string role,
        string comment,
        bool publish,
        RunFiles files)
    {
        if (WorkspaceRoles.Name(reader) is null)
        {
            return (WorkspaceTexts.CannotSignLocal, StatusCodes.Status403Forbidden);
        }

        if (SigningRole(reader, role) is null)
        {
            return (WorkspaceTexts.CannotSignRole, StatusCodes.Status403Forbidden);
        }

        if (publish && run.Status != RunStatus.Held)
        {
            return (WorkspaceTexts.RefusedNotHeld, StatusCodes.Status409Conflict);
        }

        if (!publish && (run.Fingerprint is null || run.Status is not (RunStatus.Published or RunStatus.Held or RunStatus.Superseded)))
        {
            return (WorkspaceTexts.CannotSignIncomplete, StatusCodes.Status409Conflict);
        }

        if (string.IsNullOrWhiteSpace(comment) && (publish || SignOffRules.NeedsComment(run)))
        {
            return (publish
                ? WorkspaceTexts.RefusedReasonMissing
                : WorkspaceTexts.RefusedCommentMissing, StatusCodes.Status422UnprocessableEntity);
        }

        return files.CurrentHtml(run.Id) is null ? (WorkspaceTexts.RefusedNoReport, StatusCodes.Status409Conflict) : null;
    }

    // The role asked for when the reader has both, else their only signing role.
    private static SignOffRole? SigningRole(ClaimsPrincipal reader, string asked)
    {
        var roles = WorkspaceRoles.SigningRoles(reader);
        return asked switch
        {
            "accountant" when roles.Contains(SignOffRole.Accountant) => SignOffRole.Accountant,
            "auditor" when roles.Contains(SignOffRole.Auditor) => SignOffRole.Auditor,
            "" when roles.Count == 1 => roles[0],
            _ => null,
        };
    }

    /// <summary>
    /// The evidence pack of the run's entity and year, made for this download in a folder of its own and streamed;
    /// reports regenerated for it mask personal data unless the reader has that right.
    /// </summary>
    private static async Task<IResult> EvidenceAsync(
        WorkspaceSources sources,
        HttpContext context,
        string run,
        CancellationToken cancellationToken)
    {
        var language = ReaderLanguages.Of(context);
        if (!WorkspaceRoles.MayReadEvidence(context.User))
        {
            return Results.Text(
                WorkspaceTexts.EvidenceNotAllowed.In(language),
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (await sources.FindRunAsync(run, cancellationToken) is not { } info)
        {
            return Results.Text(
                WorkspaceTexts.NoSuchRun.In(language),
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);
        }

        var folder = Directory.CreateTempSubdirectory("bascule-evidence-");
        context.Response.RegisterForDispose(new FolderRemoval(folder.FullName));
        EvidencePackFile pack;
        try
        {
            var options = new EvidenceOptions(
                sources.Files.RunsRoot,
                sources.MappingsRoot,
                new ReportOptions(WorkspaceRoles.SeesPersonalData(context.User)),
                WorkspaceRoles.Name(context.User) ?? Environment.UserName);
            pack = await EvidencePack.WriteAsync(sources.Staging, info.Id, options, folder.FullName, cancellationToken);
        }
        catch (Exception ex) when (ex is EvidenceIncompleteException or ReconcileException or StagingException)
        {
            return Results.Text(
                $"{WorkspaceTexts.EvidenceIncomplete.In(language)}: {ex.Message}", "text/plain; charset=utf-8", statusCode: StatusCodes
                    .Status409Conflict);
        }

        return Results.File(pack.Path, "application/zip", Path.GetFileName(pack.Path));
    }

    /// <summary>Removes a download's working folder once the response is sent.</summary>
    private sealed class FolderRemoval(string path) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder the system cleans up anyway; the response is already sent.
            }
        }
    }
}
