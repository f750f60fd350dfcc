using Bascule.Extract;
using System.Globalization;
using System.Text;
using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Cutover.Reports;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Csv;
using Bascule.Reconcile.Reports.Json;
using Bascule.Reconcile.Reports.Xlsx;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// Writes the cut-over package into one folder: the three data files in the neutral import layout, the package's
/// reconciliation (JSON, HTML FR/NL, workbook, one CSV per table), and <c>manifest.json</c> last, with the SHA-256 of
/// every other file, so that a package whose files changed afterwards shows it. The files reach the folder together,
/// once all are written: an interrupted write leaves it as it was.
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

    /// <summary>
    /// Writes the package into <paramref name="outDir"/>, all or none: its files are written aside and moved in together,
    /// the manifest last (see <see cref="PendingFolder"/>), so a cancelled or failed write leaves the folder as it was.
    /// </summary>
    public static async Task<PackageManifest> WriteAsync(
        CutoverResult result,
        string outDir,
        ReportOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        using var pending = PendingFolder.Create(outDir);
        var files = new List<PackageFile>();

        await ImportCsv.WriteAsync(
            pending.Pending(OpeningBalancesFile),
            PackageLayout.OpeningBalanceColumns,
            PackageLayout.OpeningBalanceRows(result),
            cancellationToken);
        files.Add(await DescribeAsync(pending, OpeningBalancesFile, result.OpeningBalances.Count, cancellationToken,
            ("DEBIT", result.OpeningBalances.Sum(b => b.Debit)), ("CREDIT", result.OpeningBalances.Sum(b => b.Credit))));

        await ImportCsv.WriteAsync(
            pending.Pending(OpenItemsFile),
            PackageLayout.OpenItemColumns,
            PackageLayout.OpenItemRows(result),
            cancellationToken);
        files.Add(await DescribeAsync(pending, OpenItemsFile, result.OpenItems.Count, cancellationToken,
            ("DEBIT", result.OpenItems.Sum(i => i.Debit)), ("CREDIT", result.OpenItems.Sum(i => i.Credit))));

        await ImportCsv.WriteAsync(
            pending.Pending(OpenCommitmentsFile),
            PackageLayout.OpenCommitmentColumns,
            PackageLayout.OpenCommitmentRows(result, options),
            cancellationToken);
        files.Add(await DescribeAsync(pending, OpenCommitmentsFile, result.OpenCommitments.Count, cancellationToken,
            ("COMMITTED", result.OpenCommitments.Sum(c => c.Committed)), ("CHARGED", result.OpenCommitments
                .Sum(c => c.Charged)), ("OPEN", result.OpenCommitments.Sum(c => c.Open))));

        foreach (var report in await WriteReportsAsync(result, pending, options, cancellationToken))
        {
            files.Add(await DescribeAsync(pending, report, null, cancellationToken));
        }

        var manifest = new PackageManifest(result, files);
        await File.WriteAllTextAsync(pending.Pending(ManifestFile), manifest.ToJson(), new UTF8Encoding(false), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        pending.Commit([.. files.Select(f => f.Name), ManifestFile]);
        return manifest;
    }

    private static async Task<IReadOnlyList<string>> WriteReportsAsync(
        CutoverResult result,
        PendingFolder pending,
        ReportOptions options,
        CancellationToken cancellationToken)
    {
        var tables = CutoverTables.Build(result, options);
        await using (var stream = File.Create(pending.Pending(ReportJsonFile)))
        {
            await ReportJson.WriteAsync(stream, CutoverReconciliationDocument.From(result, options), cancellationToken);
        }

        await File.WriteAllTextAsync(
            pending.Pending(ReportHtmlFile),
            await CutoverHtml.RenderAsync(result, tables),
            new UTF8Encoding(false),
            cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        XlsxWorkbookWriter.Write(tables, pending.Pending(ReportXlsxFile));
        var names = new List<string> { ReportJsonFile, ReportHtmlFile, ReportXlsxFile };
        foreach (var table in tables)
        {
            var name = $"cutover-reconciliation-{table.Id}.csv";
            await CsvTableWriter.WriteAsync(table, pending.Pending(name), cancellationToken);
            names.Add(name);
        }

        return names;
    }

    private static async Task<PackageFile> DescribeAsync(
        PendingFolder pending,
        string name,
        long? rows,
        CancellationToken cancellationToken,
        params (string Column, decimal Total)[] totals)
    {
        var sha = await FileHashes.Sha256Async(pending.Pending(name), cancellationToken);
        return new PackageFile(name, sha, rows, totals.ToDictionary(t => t.Column, t => t.Total, StringComparer.Ordinal));
    }

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
