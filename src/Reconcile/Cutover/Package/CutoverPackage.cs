using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Cutover.Reports;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Csv;
using Bascule.Reconcile.Reports.Xlsx;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// Writes the cut-over package into one folder: the three data files in the neutral import layout, the package's
/// reconciliation (JSON, HTML FR/NL, workbook, one CSV per table), and <c>manifest.json</c> last, with the SHA-256 of
/// every other file, so that a package whose files changed afterwards shows it.
/// </summary>
public static class CutoverPackage
{
    public const string OpeningBalancesFile = PackageLayout.OpeningBalancesFile;
    public const string OpenItemsFile = PackageLayout.OpenItemsFile;
    public const string OpenCommitmentsFile = PackageLayout.OpenCommitmentsFile;
    public const string ManifestFile = "manifest.json";
    public const string ReportJsonFile = "cutover-reconciliation.json";
    public const string ReportHtmlFile = "cutover-reconciliation.html";
    public const string ReportXlsxFile = "cutover-reconciliation.xlsx";

    public static async Task<PackageManifest> WriteAsync(CutoverResult result, string outDir, ReportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(outDir);
        var files = new List<PackageFile>();

        await ImportCsv.WriteAsync(Path.Combine(outDir, OpeningBalancesFile), PackageLayout.OpeningBalanceColumns, PackageLayout.OpeningBalanceRows(result), cancellationToken);
        files.Add(await DescribeAsync(outDir, OpeningBalancesFile, result.OpeningBalances.Count, cancellationToken,
            ("DEBIT", result.OpeningBalances.Sum(b => b.Debit)), ("CREDIT", result.OpeningBalances.Sum(b => b.Credit))));

        await ImportCsv.WriteAsync(Path.Combine(outDir, OpenItemsFile), PackageLayout.OpenItemColumns, PackageLayout.OpenItemRows(result), cancellationToken);
        files.Add(await DescribeAsync(outDir, OpenItemsFile, result.OpenItems.Count, cancellationToken,
            ("DEBIT", result.OpenItems.Sum(i => i.Debit)), ("CREDIT", result.OpenItems.Sum(i => i.Credit))));

        await ImportCsv.WriteAsync(Path.Combine(outDir, OpenCommitmentsFile), PackageLayout.OpenCommitmentColumns, PackageLayout.OpenCommitmentRows(result, options), cancellationToken);
        files.Add(await DescribeAsync(outDir, OpenCommitmentsFile, result.OpenCommitments.Count, cancellationToken,
            ("COMMITTED", result.OpenCommitments.Sum(c => c.Committed)), ("CHARGED", result.OpenCommitments.Sum(c => c.Charged)), ("OPEN", result.OpenCommitments.Sum(c => c.Open))));

        foreach (var report in await WriteReportsAsync(result, outDir, options, cancellationToken))
        {
            files.Add(await DescribeAsync(outDir, report, null, cancellationToken));
        }

        var manifest = new PackageManifest(result, files);
        await File.WriteAllTextAsync(Path.Combine(outDir, ManifestFile), manifest.ToJson(), new UTF8Encoding(false), cancellationToken);
        return manifest;
    }

    private static async Task<IReadOnlyList<string>> WriteReportsAsync(CutoverResult result, string outDir, ReportOptions options, CancellationToken cancellationToken)
    {
        var tables = CutoverTables.Build(result, options);
        await using (var stream = File.Create(Path.Combine(outDir, ReportJsonFile)))
        {
            await CutoverJsonWriter.WriteAsync(result, stream, options, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, ReportHtmlFile), CutoverHtml.Render(result, tables), new UTF8Encoding(false), cancellationToken);
        XlsxWorkbookWriter.Write(tables, Path.Combine(outDir, ReportXlsxFile));
        var names = new List<string> { ReportJsonFile, ReportHtmlFile, ReportXlsxFile };
        foreach (var table in tables)
        {
            var name = $"cutover-reconciliation-{table.Id}.csv";
            await CsvTableWriter.WriteAsync(table, Path.Combine(outDir, name), cancellationToken);
            names.Add(name);
        }

        return names;
    }

    private static async Task<PackageFile> DescribeAsync(string outDir, string name, long? rows, CancellationToken cancellationToken, params (string Column, decimal Total)[] totals)
    {
        await using var stream = File.OpenRead(Path.Combine(outDir, name));
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        return new PackageFile(name, sha, rows, totals.ToDictionary(t => t.Column, t => t.Total, StringComparer.Ordinal));
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
