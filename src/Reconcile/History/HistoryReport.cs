using Bascule.Load.Runs;
using System.Globalization;
using System.Text;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Json;
using Bascule.Reconcile.Reports.Xlsx;

namespace Bascule.Reconcile.History;

/// <summary>
/// The entity's history as files: <c>history.html</c> (French and Dutch, self-contained and printable like the
/// reconciliation report), <c>history.xlsx</c> (the same tables, one sheet each) and <c>history.json</c>. Written all or
/// none, as the reconciliation reports are.
/// </summary>
public static class HistoryReport
{
    public const string JsonFile = "history.json";
    public const string HtmlFile = "history.html";
    public const string XlsxFile = "history.xlsx";

    public static async Task<HistoryFiles> WriteAllAsync(EntityHistory history, string outDir, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        var tables = HistoryTables.Build(history);
        using var pending = PendingFolder.Create(outDir);
        await using (var stream = File.Create(pending.Pending(JsonFile)))
        {
            await WriteJsonAsync(history, stream, cancellationToken);
        }

        await File.WriteAllTextAsync(
            pending.Pending(HtmlFile),
            await HtmlAsync(history, tables),
            new UTF8Encoding(false),
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        XlsxWorkbookWriter.Write(tables, pending.Pending(XlsxFile));
        pending.Commit([JsonFile, HtmlFile, XlsxFile]);
        return new HistoryFiles(pending.Final(HtmlFile), pending.Final(XlsxFile), pending.Final(JsonFile));
    }

    /// <summary>The JSON document: the entity, every year with its published and held runs, and check 10 per pair (see <see
    /// cref="HistoryDocument"/>).</summary>
    public static Task WriteJsonAsync(EntityHistory history, Stream stream, CancellationToken cancellationToken) =>
        ReportJson.WriteAsync(stream, HistoryDocument.From(history), cancellationToken);

    private static Task<string> HtmlAsync(EntityHistory history, IReadOnlyList<Reports.Tables.ReportTable> tables) =>
        HtmlRendering.RenderAsync<HistoryFile>(new Dictionary<string, object?>
        {
            [nameof(HistoryFile.History)] = history,
            [nameof(HistoryFile.Tables)] = tables,
        });
}

/// <summary>Where a history was written.</summary>
public sealed record HistoryFiles(string Html, string Xlsx, string Json);
