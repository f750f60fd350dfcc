using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Bascule.Jobs.Workspace.DrillDown;

/// <summary>
/// The drill-down pages of <c>bascule serve</c>: <c>GET /runs/{run}/lines?…</c> (one page of a list, see
/// <see cref="LinesRequest"/>) and <c>GET /runs/{run}/lines.csv?…</c> (the whole list, streamed). Rendered on the
/// server by <see cref="LinesPage"/>, in the reader's language (<see cref="ReaderLanguages"/>); personal data masked
/// unless the reader has <see cref="PersonalDataRight"/>.
/// </summary>
public static class DrillDownEndpoints
{
    public static void MapDrillDown(this IEndpointRouteBuilder app, IStagingProvider staging, string mappingsRoot)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/runs/{run}/lines", (string run, HttpContext context, CancellationToken cancellationToken) =>
            PageAsync(staging, mappingsRoot, run, context, cancellationToken));
        app.MapGet("/runs/{run}/lines.csv", (string run, HttpContext context, CancellationToken cancellationToken) =>
            CsvAsync(staging, mappingsRoot, run, context, cancellationToken));
    }

    private static async Task<IResult> PageAsync(
        IStagingProvider staging,
        string mappingsRoot,
        string run,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (language, request, show, lines) = await OpenAsync(staging, mappingsRoot, run, context, cancellationToken);
        if (lines is null)
        {
            return Page(
                new LinesView(language, null, null, null, null, null, null, !show, DrillTexts.UnknownRun.In(language)),
                StatusCodes.Status404NotFound);
        }

        if (!request.Understood)
        {
            return Page(
                new LinesView(language, lines, null, null, null, null, null, !show, DrillTexts.BadList.In(language)),
                StatusCodes.Status400BadRequest);
        }

        if (request.List is not { } list)
        {
            return Page(
                new LinesView(language, lines, null, null, null, null, null, !show, DrillTexts.NoList.In(language)),
                StatusCodes.Status200OK);
        }

        var page = await lines.PageAsync(list, request.After, request.Size, cancellationToken);
        var path = context.Request.Path.Value ?? "";
        var next = page.Next is { } key ? path + With(context.Request.Query, key.ToToken()) : null;
        var first = request.After is null ? null : path + With(context.Request.Query, null);
        var csv = path + ".csv" + With(context.Request.Query, null);
        return Page(new LinesView(language, lines, list, page, next, first, csv, !show, null), StatusCodes.Status200OK);
    }

    private static async Task<IResult> CsvAsync(
        IStagingProvider staging,
        string mappingsRoot,
        string run,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var (language, request, _, lines) = await OpenAsync(staging, mappingsRoot, run, context, cancellationToken);
        if (lines is null)
        {
            return Results.Text(DrillTexts.UnknownRun.In(language), "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }

        if (request.List is not { } list)
        {
            var text = request.Understood ? DrillTexts.NoList : DrillTexts.BadList;
            return Results.Text(
                text.In(language),
                "text/plain; charset=utf-8",
                statusCode: request.Understood ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
        }

        // The whole list from its start, whatever page the link was on.
        return Results.Stream(
            stream => DrillCsv.WriteAsync(
                stream,
                lines.AllAsync(list, cancellationToken: cancellationToken),
                lines,
                language,
                cancellationToken),
            "text/csv; charset=utf-8",
            $"lines-{lines.Run.Value}-{list.Kind.ToString().ToLowerInvariant()}.csv");
    }

    /// <summary>
    /// What a page and a download of a list both start from: the reader's language, the list asked for, whether the
    /// reader sees personal data, and the run's lines masked accordingly (null when the address names no run held).
    /// </summary>
    private static async Task<(ReaderLanguage Language, LinesRequest Request, bool Show, RunLines? Lines)> OpenAsync(
        IStagingProvider staging,
        string mappingsRoot,
        string run,
        HttpContext context,
        CancellationToken cancellationToken)
    {
        var show = PersonalDataRight.Of(context);
        var lines = RunId.TryParse(run, out var id)
            ? await RunLines.OpenAsync(staging, id, mappingsRoot, new ReportOptions(show), cancellationToken)
            : null;
        return (ReaderLanguages.Of(context), LinesRequest.Of(context.Request.Query), show, lines);
    }

    private static RazorComponentResult<LinesPage> Page(LinesView view, int status) =>
        new(new Dictionary<string, object?> { [nameof(LinesPage.View)] = view }) { StatusCode = status };

    // The same request with another key (none: the list's first page); the language stays in its cookie.
    private static string With(IQueryCollection query, string? after)
    {
        var pairs = query.Where(q => q.Key is not ("after" or "lang"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .ToList();
        if (after is not null)
        {
            pairs.Add(new KeyValuePair<string, string?>("after", after));
        }

        return QueryString.Create(pairs).ToUriComponent();
    }
}
