using Bascule.Load.Runs;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace;

/// <summary>
/// The report files of the runs that <c>serve</c> may hand out: only the reconciliation's JSON, HTML and workbook, only
/// under <c>OUT/runs/&lt;run id&gt;/</c> of a real run id, so no request can name another file.
/// </summary>
public sealed class RunFiles(string outRoot)
{
    public static readonly IReadOnlyList<string> Served = [ReportWriter.HtmlFile, ReportWriter.JsonFile, ReportWriter.XlsxFile];

    public string OutRoot { get; } = outRoot;

    /// <summary>The reports folder of every run (<c>OUT/runs</c>), as migrate writes them.</summary>
    public string RunsRoot => Path.Combine(OutRoot, "runs");

    /// <summary>The path of a served report file of the run, or null when the name is not one or the file is not there.</summary>
    public string? Find(string run, string file)
    {
        if (!RunId.TryParse(run, out var id) || !Served.Contains(file, StringComparer.Ordinal))
        {
            return null;
        }

        var path = Path.Combine(RunsRoot, id.Value, file);
        return File.Exists(path) ? path : null;
    }

    public bool Has(RunId run, string file) => Find(run.Value, file) is not null;

    /// <summary>The run's current HTML report: the one a reader of its page reads, whose SHA-256 a sign-off from the page
    /// records.</summary>
    public string? CurrentHtml(RunId run) => Find(run.Value, ReportWriter.HtmlFile);

    public static string ContentType(string file) => Path.GetExtension(file) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/json",
    };
}
