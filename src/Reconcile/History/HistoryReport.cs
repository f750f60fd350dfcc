using Bascule.Load.Runs;
using System.Globalization;
using System.Text;
using System.Text.Json;
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

        await File.WriteAllTextAsync(pending.Pending(HtmlFile), await HtmlAsync(history, tables), new UTF8Encoding(false), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        XlsxWorkbookWriter.Write(tables, pending.Pending(XlsxFile));
        pending.Commit([JsonFile, HtmlFile, XlsxFile]);
        return new HistoryFiles(pending.Final(HtmlFile), pending.Final(XlsxFile), pending.Final(JsonFile));
    }

    /// <summary>The JSON document: the entity, every year with its published and held runs, and check 10 per pair.</summary>
    public static async Task WriteJsonAsync(EntityHistory history, Stream stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(history);
        await using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("entity", history.Entity);
        w.WriteString("entityType", history.EntityType);
        w.WriteString("insCode", history.InsCode);
        w.WriteString("computedUtc", history.ComputedUtc);
        w.WriteString("continuityStatus", history.ContinuityStatus.ToCode());
        w.WriteStartArray("years");
        foreach (var year in history.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("fiscalYear", year.Year);
            if (year.Published is { } published)
            {
                w.WritePropertyName("published");
                Run(w, published);
            }
            else
            {
                w.WriteNull("published");
            }

            w.WriteStartArray("held");
            foreach (var held in year.Held)
            {
                Run(w, held);
            }

            w.WriteEndArray();
            w.WriteNumber("otherRuns", year.OtherRuns);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ContinuityJson.Write(w, history.Pairs);
        w.WriteEndObject();
        await w.FlushAsync(cancellationToken);
    }

    private static void Run(Utf8JsonWriter w, HistoryRun run)
    {
        var r = run.Run;
        w.WriteStartObject();
        w.WriteString("runId", r.Id.Value);
        w.WriteString("status", r.Status.ToCode());
        w.WriteString("reconciliationStatus", r.ReconciliationStatus);
        w.WriteString("startedUtc", r.StartedUtc);
        w.WriteString("fingerprint", r.Fingerprint);
        w.WriteStartObject("mapping");
        w.WriteString("id", r.MappingId);
        w.WriteString("version", r.MappingVersion);
        w.WriteString("sha256", r.MappingSha256);
        if (r.Approval is { } approval)
        {
            w.WriteStartObject("approval");
            w.WriteString("by", approval.By);
            w.WriteString("on", approval.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("approval");
        }

        w.WriteEndObject();
        if (run.Totals is { } t)
        {
            w.WriteStartObject("totals");
            w.Money("stagedDebit", t.StagedDebit);
            w.Money("stagedCredit", t.StagedCredit);
            w.Money("unmappedDebit", t.UnmappedDebit);
            w.Money("unmappedCredit", t.UnmappedCredit);
            w.WriteNumber("unmappedLines", t.UnmappedLines);
            w.WriteNumber("rejectedLines", t.RejectedLines);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("totals");
        }

        w.WriteEndObject();
    }

    private static Task<string> HtmlAsync(EntityHistory history, IReadOnlyList<Reports.Tables.ReportTable> tables) =>
        HtmlRendering.RenderAsync<HistoryFile>(new Dictionary<string, object?>
        {
            [nameof(HistoryFile.History)] = history,
            [nameof(HistoryFile.Tables)] = tables,
        });
}

/// <summary>Where a history was written.</summary>
public sealed record HistoryFiles(string Html, string Xlsx, string Json);
