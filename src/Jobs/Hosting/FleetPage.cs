using System.Globalization;
using System.Text;
using Bascule.Load.Runs;
using static System.Net.WebUtility;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The fleet page: each entity's years as a row (per year the published run and its reconciliation, or the latest run
/// when none is published, and how many are held), then the latest run of each entity and year with its report.
/// </summary>
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
            """);
        Years(html, runs, outRoot);
        html.Append("""
            <h2>Dernière exécution par entité et exercice / Laatste uitvoering per entiteit en boekjaar</h2>
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

    /// <summary>
    /// One row per entity, one column per fiscal year any of its runs has: the year's published run (with its
    /// reconciliation status and report), else its latest run's state; held runs counted. Gaps in an entity's years show
    /// as empty cells, where the continuity between years cannot be checked.
    /// </summary>
    private static void Years(StringBuilder html, IReadOnlyList<RunInfo> runs, string outRoot)
    {
        var years = runs.Select(r => r.FiscalYear).Distinct().Order().ToList();
        html.Append("<h2>Exercices par entité / Boekjaren per entiteit</h2>\n<table id=\"years\"><thead><tr><th>Entité / Entiteit</th><th>INS</th>");
        foreach (var year in years)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{year}</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var entity in runs.GroupBy(r => (r.EntityType, r.InsCode)).OrderBy(g => g.First().EntityName, StringComparer.Ordinal))
        {
            var name = entity.OrderByDescending(r => r.StartedUtc).First().EntityName;
            html.Append(CultureInfo.InvariantCulture, $"<tr data-entity=\"{HtmlEncode(entity.Key.EntityType)}-{HtmlEncode(entity.Key.InsCode)}\"><td>{HtmlEncode(name)} ({HtmlEncode(entity.Key.EntityType)})</td><td>{HtmlEncode(entity.Key.InsCode)}</td>");
            foreach (var year in years)
            {
                html.Append(YearCell(entity.Where(r => r.FiscalYear == year).ToList(), year, outRoot));
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }

    private static string YearCell(List<RunInfo> runs, int year, string outRoot)
    {
        if (runs.Count == 0)
        {
            return "<td></td>";
        }

        var published = runs.FirstOrDefault(r => r.Status == RunStatus.Published);
        var shown = published ?? runs.OrderByDescending(r => r.StartedUtc).First();
        var held = runs.Count(r => r.Status == RunStatus.Held);
        var state = published is null ? $"{shown.Status.ToCode()} (non publié / niet gepubliceerd)" : $"published {shown.ReconciliationStatus ?? ""}".TrimEnd();
        var link = ReportLink(shown.Id, outRoot);
        var heldNote = held > 0 ? $"<br>{held} held (retenue(s) / tegengehouden)" : "";
        return $"""<td data-year="{year}" data-run="{shown.Id}" class="{shown.Status.ToCode()}">{HtmlEncode(state)} {link}{heldNote}</td>""";
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
