using System.Text;
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

    public static async Task<ReportFiles> WriteAllAsync(ReconciliationResult result, string outDir, ReportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        options ??= new ReportOptions();
        Directory.CreateDirectory(outDir);
        var tables = ReportTables.Build(result, options);

        var json = Path.Combine(outDir, JsonFile);
        await using (var stream = File.Create(json))
        {
            await ReconciliationJsonWriter.WriteAsync(result, stream, options, cancellationToken);
        }

        var html = Path.Combine(outDir, HtmlFile);
        await File.WriteAllTextAsync(html, HtmlReport.Render(result, tables), new UTF8Encoding(false), cancellationToken);

        var xlsx = Path.Combine(outDir, XlsxFile);
        XlsxWorkbookWriter.Write(tables, xlsx);

        var csv = new List<string>();
        foreach (var table in tables)
        {
            var path = Path.Combine(outDir, $"reconciliation-{table.Id}.csv");
            await CsvTableWriter.WriteAsync(table, path, cancellationToken);
            csv.Add(path);
        }

        return new ReportFiles(json, html, xlsx, csv);
    }
}

/// <summary>Where the reports of one reconciliation were written.</summary>
public sealed record ReportFiles(string Json, string Html, string Xlsx, IReadOnlyList<string> Csv);
