using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hangfire.Dashboard;
using Hangfire.States;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The dashboard's history of a failed job, as Hangfire renders it, with a link to the HTML reconciliation report its
/// reason names (<see cref="MigrationJob.ReportUrl"/>): a job held for a FAILED reconciliation leads to the report
/// people read and sign, one click away. Hangfire keeps its state renderers process-wide; registering again replaces.
/// </summary>
public static partial class FailedJobReportLink
{
    public static void Register() => JobHistoryRenderer.Register(FailedState.StateName, Render);

    public static NonEscapedString Render(HtmlHelper html, IDictionary<string, string> state)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(state);
        var message = state.TryGetValue("ExceptionMessage", out var m) ? m : "";
        var builder = new StringBuilder();
        var server = state.TryGetValue("ServerId", out var id) ? $" ({html.ServerId(id)})" : null;
        builder.Append(
            CultureInfo.InvariantCulture,
            $"<h4 class=\"exception-type\">{html.HtmlEncode(state.TryGetValue("ExceptionType", out var type) ? type : "")}{server}</h4>");
        builder.Append(CultureInfo.InvariantCulture, $"<p class=\"text-muted\">{html.HtmlEncode(message)}</p>");
        // The run id is a UUID (checked by the pattern), so the link holds nothing a message could inject.
        if (Report().Match(message) is { Success: true } report)
        {
            builder.Append(
                CultureInfo.InvariantCulture,
                $"<p><a href=\"{report.Value}\">Rapport de réconciliation / Aansluitingsrapport ({report.Groups[1].Value})</a></p>");
        }

        if (state.TryGetValue("ExceptionDetails", out var details) && !string.IsNullOrWhiteSpace(details))
        {
            builder.Append(CultureInfo.InvariantCulture, $"<pre class=\"stack-trace\">{html.StackTrace(details)}</pre>");
        }

        return new NonEscapedString(builder.ToString());
    }

    [GeneratedRegex(
        "/runs/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/reconciliation\\.html",
        RegexOptions.CultureInvariant)]
    private static partial Regex Report();
}
