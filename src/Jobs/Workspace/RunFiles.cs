using System.Collections.Concurrent;
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

    private readonly ConcurrentDictionary<RunId, (DateTime Written, bool Shows)> _personalData = new();

    /// <summary>Whether a reader gets the run's report files regenerated, masked: they show personal data and the reader may
    /// not see it.</summary>
    public bool RegeneratedMasked(RunId run, bool readerSeesPersonalData) =>
        !readerSeesPersonalData && (Has(run, ReportWriter.HtmlFile) || Has(run, ReportWriter.XlsxFile)) && ShowsPersonalData(run);

    /// <summary>
    /// Whether the run's report files show third parties' personal data (<see cref="ReportWriter.ShowsPersonalData"/>):
    /// read once per writing of its <c>reconciliation.json</c>, since a million-line run's JSON takes a while to parse
    /// and the fleet page asks for every run it shows.
    /// </summary>
    public bool ShowsPersonalData(RunId run)
    {
        var folder = Path.Combine(RunsRoot, run.Value);
        var written = File.GetLastWriteTimeUtc(Path.Combine(folder, ReportWriter.JsonFile));
        if (_personalData.TryGetValue(run, out var known) && known.Written == written)
        {
            return known.Shows;
        }

        var shows = ReportWriter.ShowsPersonalData(folder);
        _personalData[run] = (written, shows);
        return shows;
    }

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
