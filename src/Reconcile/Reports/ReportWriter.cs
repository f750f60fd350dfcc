using System.Text;
using System.Text.Json;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Csv;
using Bascule.Reconcile.Reports.Html;
using Bascule.Reconcile.Reports.Json;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Reports.Xlsx;

namespace Bascule.Reconcile.Reports;

/// <summary>Writes every output of a reconciliation into one folder: JSON, HTML, the workbook and one CSV per table.</summary>
public static class ReportWriter
{
    public const string JsonFile = "reconciliation.json";
    public const string HtmlFile = "reconciliation.html";
    public const string XlsxFile = "reconciliation.xlsx";

    /// <summary>
    /// Writes the reports into <paramref name="outDir"/>, all or none: they are written aside and moved in together
    /// (see <see cref="PendingFolder"/>), so a cancelled or failed write leaves the folder as it was.
    /// </summary>
    public static async Task<ReportFiles> WriteAllAsync(
        ReconciliationResult result,
        string outDir,
        ReportOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ReportOptions();
        using var pending = PendingFolder.Create(outDir);

        await using (var stream = File.Create(pending.Pending(JsonFile)))
        {
            await ReportJson.WriteAsync(stream, ReconciliationDocument.From(result, options), cancellationToken);
        }

        // The tables after the JSON: the JSON's document and the tables each copy every account's row, and with tens of
        // thousands of accounts the two together were the peak of a run's memory.
        var tables = ReportTables.Build(result, options);

        await File.WriteAllTextAsync(
            pending.Pending(HtmlFile),
            await HtmlReport.RenderAsync(result, tables),
            new UTF8Encoding(false),
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        XlsxWorkbookWriter.Write(tables, pending.Pending(XlsxFile));

        var csv = new List<string>();
        foreach (var table in tables)
        {
            var name = $"reconciliation-{table.Id}.csv";
            await CsvTableWriter.WriteAsync(table, pending.Pending(name), cancellationToken);
            csv.Add(name);
        }

        cancellationToken.ThrowIfCancellationRequested();
        pending.Commit([JsonFile, HtmlFile, XlsxFile, .. csv]);
        return new ReportFiles(
            pending.Final(JsonFile),
            pending.Final(HtmlFile),
            pending.Final(XlsxFile),
            csv.Select(pending.Final).ToList());
    }

    /// <summary>
    /// Whether the reports in <paramref name="folder"/> (written together, all or none) show third parties' personal data,
    /// as their <c>reconciliation.json</c> records it. A folder whose JSON is missing or unreadable, or written by an older
    /// version that did not record it (no <c>personalDataShown</c>), may show it: true.
    /// </summary>
    public static bool ShowsPersonalData(string folder)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, JsonFile)));
            var root = json.RootElement;
            return root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runId", out _)
                || !root.TryGetProperty("personalDataShown", out var shown) || shown.ValueKind != JsonValueKind.False;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return true;
        }
    }
}

/// <summary>Where the reports of one reconciliation were written.</summary>
public sealed record ReportFiles(string Json, string Html, string Xlsx, IReadOnlyList<string> Csv);
