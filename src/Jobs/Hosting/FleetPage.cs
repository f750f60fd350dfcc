using System.Globalization;
using System.Text;
using Bascule.Load.Runs;
using static System.Net.WebUtility;

namespace Bascule.Jobs.Hosting;

/// <summary>The fleet page: the latest run of each entity and year, its status and a link to its reconciliation report.</summary>
public static class FleetPage
{
    public static string Render(IReadOnlyList<RunInfo> runs, string outRoot)
    {
        var latest = runs
            .GroupBy(r => (r.EntityType, r.InsCode, r.FiscalYear))
            .Select(g => g.OrderByDescending(r => r.StartedUtc).First())
            .OrderBy(r => r.EntityName, StringComparer.Ordinal).ThenBy(r => r.FiscalYear);
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>Bascule – fleet</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}
            .published{color:#060}.failed{color:#a00}.loading{color:#c60}.superseded{color:#666}.held{color:#a0a}</style></head>
            <body><h1>Bascule – runs / exécutions / uitvoeringen</h1><p><a href="hangfire">Jobs dashboard</a></p>
            <table id="runs"><thead><tr><th>Entity</th><th>Type</th><th>INS</th><th>Year</th><th>Status</th><th>Mapping</th><th>Started (UTC)</th><th>Report</th><th>Message</th><th>Job</th></tr></thead><tbody>
            """);
        foreach (var run in latest)
        {
            var status = run.Status.ToCode();
            html.Append(CultureInfo.InvariantCulture, $"""
                <tr data-run="{run.Id}"><td>{HtmlEncode(run.EntityName)}</td><td>{HtmlEncode(run.EntityType)}</td><td>{HtmlEncode(run.InsCode)}</td><td>{run.FiscalYear}</td>
                <td class="{status}">{status}</td><td>{HtmlEncode(run.MappingId)} {HtmlEncode(run.MappingVersion)}</td><td>{run.StartedUtc:yyyy-MM-dd HH:mm:ss}</td>
                <td>{ReportLink(run.Id, outRoot)}</td><td>{HtmlEncode(run.FailureMessage ?? "")}</td><td>{JobLink(run.Job)}</td></tr>

                """);
        }

        html.Append("</tbody></table></body></html>");
        return html.ToString();
    }

    /// <summary>The report file of a run that may be served, or null: only the two reconciliation files, only of a real run id.</summary>
    public static string? ReportFile(string outRoot, string run, string file)
    {
        if (!RunId.TryParse(run, out var id) || file is not ("reconciliation.html" or "reconciliation.json"))
        {
            return null;
        }

        var path = Path.Combine(outRoot, "runs", id.Value, file);
        return File.Exists(path) ? path : null;
    }

    // The job's page on the dashboard; a run of `bascule migrate` has none.
    private static string JobLink(string? job) =>
        job is null ? "" : $"""<a href="hangfire/jobs/details/{UrlEncode(job)}">{HtmlEncode(job)}</a>""";

    private static string ReportLink(RunId run, string outRoot) =>
        ReportFile(outRoot, run.Value, "reconciliation.html") is not null ? $"""<a href="runs/{run}/reconciliation.html">HTML</a>"""
        : ReportFile(outRoot, run.Value, "reconciliation.json") is not null ? $"""<a href="runs/{run}/reconciliation.json">JSON</a>"""
        : "";
}
