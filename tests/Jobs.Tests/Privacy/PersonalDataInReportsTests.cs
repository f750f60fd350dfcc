using System.Text.Json;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Pipeline;
using Bascule.Reconcile;
using Bascule.Reconcile.Cutover;
using Bascule.Reconcile.Cutover.Package;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Privacy;

/// <summary>
/// A beneficiary written into labels and damaged lines of a real export, migrated through the real pipeline into a real
/// staging database: no report of the run (as migrate writes them, and as `report` writes them later from the database
/// alone) and nothing of its cut-over package shows the name or the IBAN, until personal data is shown. Run once per
/// provider.
/// </summary>
public abstract class PersonalDataInReportsTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_beneficiary_in_labels_and_rejected_lines_is_masked_in_every_report_and_the_cutover_package_unless_shown()
    {
        var export = Temp.Combine("export");
        var line = await PlantedBeneficiary.WriteAsync(export);
        await using var provider = await CreateProviderAsync();

        var migrated = await new MigrationPipeline(provider).RunAsync(
            new MigrationRequest(
                export,
                Mapping,
                Temp.Combine("migrate"),
                Temp.Combine("out"),
                new StagingOptions { BatchSize = 500 }), Ct);
        var run = migrated.RunId;
        var later = await Reconciler.ComputeAsync(provider, run, (string?)null, Ct);
        await ReportWriter.WriteAllAsync(later, Temp.Combine("report"), new ReportOptions(), Ct);
        await ReportWriter.WriteAllAsync(later, Temp.Combine("report-shown"), new ReportOptions(ShowPersonalData: true), Ct);
        await CutoverAsync(provider, run, "cutover", show: false);
        await CutoverAsync(provider, run, "cutover-shown", show: true);

        Assert.Equal((Verdict.Warning, false), (migrated.Reconciliation.Status, migrated.IsHeld));
        var masked = await OutputFiles.ReadAsync(Temp.Combine("migrate"), Temp.Combine("report"), Temp.Combine("cutover"));
        var shown = await OutputFiles.ReadAsync(Temp.Combine("report-shown"), Temp.Combine("cutover-shown"));
        // Each reconciliation: JSON, HTML, XLSX and one CSV per table (the run, the checks, the sign-offs and twelve others); the cut-over
        // package: 16.
        Assert.Equal(18 + 18 + 16, masked.Count);
        Assert.Empty(masked.Where(f => PlantedBeneficiary.ShowsName(f.Value)).Select(f => f.Key));
        Assert.Empty(masked.Where(f => PlantedBeneficiary.ShowsIban(f.Value)).Select(f => f.Key));

        // Masked, not dropped: the rejected lines are still there for review, the person is not.
        foreach (var json in new[] { Path.Combine("migrate", ReportWriter.JsonFile), Path.Combine("report", ReportWriter.JsonFile) })
        {
            Assert.Equal(PlantedBeneficiary.BadAmountLineMasked, Rejected(masked[json], line).RawText);
            Assert.Equal("TIERS: \"***\" is not a third-party code.", Rejected(masked[json], line + 1).Message);
        }

        // Shown, every report format and every place the beneficiary was written shows them: the test sees each one.
        Assert.Equal(
            Sorted([
                .. Report("reconciliation.html", "reconciliation.json", "reconciliation.xlsx",
                    "reconciliation-budget-articles.csv", "reconciliation-rejected.csv", "reconciliation-trial-balance.csv"),
                .. Cutover(
                    "cutover-reconciliation-legacy-closing.csv",
                    "cutover-reconciliation-open-commitment-articles.csv",
                    "cutover-reconciliation-open-commitments.csv",
                    "cutover-reconciliation-open-item-control-accounts.csv",
                    "cutover-reconciliation.html",
                    "cutover-reconciliation.json",
                    "cutover-reconciliation.xlsx",
                    CutoverPackage.OpenCommitmentsFile),
            ]),
            Sorted(shown.Where(f => PlantedBeneficiary.ShowsName(f.Value)).Select(f => f.Key)));
        Assert.Equal(
            Sorted([
                .. Report("reconciliation.html", "reconciliation.json", "reconciliation.xlsx", "reconciliation-rejected.csv"),
                .. Cutover("cutover-reconciliation-open-commitments.csv", "cutover-reconciliation.html", "cutover-reconciliation.json",
                    "cutover-reconciliation.xlsx", CutoverPackage.OpenCommitmentsFile),
            ]),
            Sorted(shown.Where(f => PlantedBeneficiary.ShowsIban(f.Value)).Select(f => f.Key)));
        Assert.Equal(PlantedBeneficiary.BadAmountLine, Rejected(shown[Path.Combine("report-shown", ReportWriter.JsonFile)], line).RawText);
    }

    private async Task CutoverAsync(IStagingProvider provider, RunId run, string folder, bool show)
    {
        var result = await CutoverCalculator.ComputeAsync(provider, run, new CutoverOptions(), show, Ct);
        await CutoverPackage.WriteAsync(result, Temp.Combine(folder), new ReportOptions(show), Ct);
    }

    private static string[] Sorted(IEnumerable<string> files) => files.Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<string> Report(params string[] files) => files.Select(f => Path.Combine("report-shown", f));

    private static IEnumerable<string> Cutover(params string[] files) => files.Select(f => Path.Combine("cutover-shown", f));

    private static (string Message, string RawText) Rejected(string json, long line)
    {
        using var document = JsonDocument.Parse(json);
        var row = document.RootElement.GetProperty("exceptions").GetProperty("rejected").EnumerateArray()
            .Single(r => r.GetProperty("line").GetInt64() == line);
        return (row.GetProperty("message").GetString()!, row.GetProperty("rawText").GetString()!);
    }
}

public sealed class SqlitePersonalDataInReportsTests(SqliteDatabase database) : PersonalDataInReportsTests<SqliteDatabase>(database);

public sealed class PostgresPersonalDataInReportsTests(PostgresDatabase database) : PersonalDataInReportsTests<PostgresDatabase>(database);

public sealed class SqlServerPersonalDataInReportsTests(
    SqlServerDatabase database) : PersonalDataInReportsTests<SqlServerDatabase>(database);
