using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Tables;

namespace Bascule.Reconcile.Cutover.Reports;

/// <summary><c>cutover-reconciliation.html</c>, rendered from <see cref="CutoverReport"/> like the run's report (same inline style sheet,
/// FR/NL labels, every source text escaped).</summary>
public static class CutoverHtml
{
    public static Task<string> RenderAsync(CutoverResult result, IReadOnlyList<ReportTable> tables)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(tables);
        return HtmlRendering.RenderAsync<CutoverFile>(new Dictionary<string, object?>
        {
            [nameof(CutoverFile.Result)] = result,
            [nameof(CutoverFile.Tables)] = tables,
        });
    }
}
