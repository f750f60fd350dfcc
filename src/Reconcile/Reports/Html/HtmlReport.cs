using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Reports.Html;

/// <summary>
/// <c>reconciliation.html</c>: one self-contained file (inline CSS, no script, no external resource) that reads in a
/// browser and prints on A4, rendered from the components <c>bascule serve</c> shows live
/// (<see cref="ReconciliationReport"/>). Summary first (status, key figures, checks), then the tables with drill-down,
/// the exceptions and the sign-offs. French and Dutch side by side; all source text HTML-escaped.
/// </summary>
public static class HtmlReport
{
    public static Task<string> RenderAsync(ReconciliationResult result, IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        return HtmlRendering.RenderAsync<ReconciliationFile>(new Dictionary<string, object?>
        {
            [nameof(ReconciliationFile.Result)] = result,
            [nameof(ReconciliationFile.Tables)] = tables,
        });
    }

    /// <summary>
    /// The report as a page's content, in <paramref name="language"/>, each figure leading where <paramref name="links"/>
    /// says: what a host without Razor pages of its own shows. <c>bascule serve</c> can render
    /// <see cref="ReconciliationReport"/> inside its own layout with the same parameters.
    /// </summary>
    public static Task<string> RenderPageAsync(
        ReconciliationResult result,
        IReadOnlyList<ReportTable> tables,
        ReaderLanguage language,
        ReportLinks? links)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        return HtmlRendering.RenderAsync<ReconciliationReport>(new Dictionary<string, object?>
        {
            [nameof(ReconciliationReport.Result)] = result,
            [nameof(ReconciliationReport.Tables)] = tables,
            [nameof(ReconciliationReport.Language)] = language,
            [nameof(ReconciliationReport.Links)] = links,
        });
    }
}
