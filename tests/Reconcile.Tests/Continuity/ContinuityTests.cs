using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.History;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Reconcile.Tests.Continuity;

/// <summary>
/// Check 10 and the entity's history on generated exports of consecutive years of the commune (each opening with the
/// previous closing, the result carried onto one class-1 account), loaded into a real database in and out of order.
/// Run once per provider.
/// </summary>
public abstract class ContinuityTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_years_loaded_in_order_continue_and_the_result_allocation_is_recognised()
    {
        var years = ConsecutiveYears.Generate(Temp, 2021, 2023);
        await using var provider = await CreateProviderAsync();
        var runs = new Dictionary<int, RunId>();
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            runs[year] = await SampleRun.LoadAsync(provider, years[year], Ct);
        }

        var middle = await Reconciler.ComputeAsync(provider, runs[2022], exportFolder: null, Ct);

        Assert.Equal(["2021-2022", "2022-2023"], middle.Continuity.Select(p => p.Key));
        Assert.All(middle.Continuity, pair =>
        {
            Assert.Equal(Verdict.Ok, pair.Status);
            Assert.Empty(pair.Differing);
            // The earlier year's result reappears on the carried-forward account alone, on both sides of the mapping.
            var legacy = pair.Allocation(ContinuitySide.Legacy);
            Assert.NotNull(legacy);
            Assert.Equal(ConsecutiveYears.ResultCarriedForward, legacy.Account);
            Assert.NotEqual(0m, pair.LegacyResult);
            Assert.Equal(pair.LegacyResult, legacy.Difference);
            var target = pair.Allocation(ContinuitySide.New);
            Assert.NotNull(target);
            Assert.Equal(pair.NewResult, target.Difference);
            Assert.StartsWith("1", target.Account, StringComparison.Ordinal);
        });
        Assert.Equal(Verdict.Ok, middle.Status);
        var allocation = middle.Check($"continuity:2021-2022:legacyAccounts:resultAllocation:{ConsecutiveYears.ResultCarriedForward}");
        Assert.Equal(Verdict.Ok, allocation.Status);
        Assert.Equal(0m, middle.Check("continuity:2022-2023:newAccounts").Found);
        Assert.Equal(runs[2021], middle.Continuity[0].Earlier!.RunId);
        Assert.Equal(runs[2023], middle.Continuity[1].Later!.RunId);

        // Every report format names both runs of each pair, in French and Dutch.
        var files = await ReportWriter.WriteAllAsync(middle, Temp.Combine("reports"), cancellationToken: Ct);
        var html = await File.ReadAllTextAsync(files.Html, Ct);
        Assert.Contains("data-pair=\"2021-2022\"", html, StringComparison.Ordinal);
        Assert.Contains($"exécutions 2022 {runs[2022]} et 2023 {runs[2023]}", html, StringComparison.Ordinal);
        Assert.Contains($"uitvoeringen 2021 {runs[2021]} en 2022 {runs[2022]}", html, StringComparison.Ordinal);
        Assert.Contains("affectation du résultat", html, StringComparison.Ordinal);
        using (var json = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(files.Json, Ct)))
        {
            var pairs = json.RootElement.GetProperty("continuity").EnumerateArray().ToList();
            Assert.Equal(["OK", "OK"], pairs.Select(p => p.GetProperty("status").GetString()));
            Assert.Equal(runs[2021].Value, pairs[0].GetProperty("earlierRun").GetProperty("runId").GetString());
            Assert.Equal(
                ConsecutiveYears.ResultCarriedForward,
                pairs[0].GetProperty("legacyAccounts").GetProperty("resultAllocation").GetProperty("account").GetString());
        }

        var csv = await File.ReadAllTextAsync(
            files.Csv.Single(f => f.EndsWith("reconciliation-continuity.csv", StringComparison.Ordinal)),
            Ct);
        Assert.Contains(runs[2021].Value, csv, StringComparison.Ordinal);
        Assert.Contains(runs[2023].Value, csv, StringComparison.Ordinal);
        using (var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(files.Xlsx, false))
        {
            Assert.Contains(
                workbook.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>(),
                s => s.Name == "continuity");
        }

        var history = await EntityHistoryReader.ReadAsync(provider, "21005", "COMMUNE", Ct);
        Assert.Equal([2021, 2022, 2023], history.Years.Select(y => y.Year));
        Assert.Equal([runs[2021], runs[2022], runs[2023]], history.Years.Select(y => y.Published!.Run.Id));
        Assert.Equal([Verdict.Ok, Verdict.Ok], history.Pairs.Select(p => p.Status));
        Assert.Equal(Verdict.Ok, history.ContinuityStatus);
    }

    [Fact]
    public async Task Years_loaded_out_of_order_are_compared_as_soon_as_both_exist()
    {
        var years = ConsecutiveYears.Generate(Temp, 2021, 2023);
        await using var provider = await CreateProviderAsync();
        var latest = await SampleRun.LoadAsync(provider, years[2023], Ct);

        var alone = await Reconciler.ComputeAsync(provider, latest, exportFolder: null, Ct);
        Assert.All(alone.Continuity, pair => Assert.False(pair.IsChecked));
        Assert.DoesNotContain(alone.Checks, c => c.Number == 10);
        Assert.Contains("aucune exécution publiée pour 2022", ContinuityText.French(alone.Continuity[0]), StringComparison.Ordinal);
        Assert.Contains("geen gepubliceerde uitvoering voor 2024", ContinuityText.Dutch(alone.Continuity[1]), StringComparison.Ordinal);

        var first = await SampleRun.LoadAsync(provider, years[2021], Ct);
        var middle = await SampleRun.LoadAsync(provider, years[2022], Ct);

        // The run that completes both pairs carries them; the year migrated first shows its pair once regenerated.
        var completing = await Reconciler.ComputeAsync(provider, middle, exportFolder: null, Ct);
        Assert.Equal([Verdict.Ok, Verdict.Ok], completing.Continuity.Select(p => p.Status));
        var regenerated = await Reconciler.ComputeAsync(provider, latest, exportFolder: null, Ct);
        var pair = Assert.Single(regenerated.Continuity, p => p.IsChecked);
        Assert.Equal((middle, latest), (pair.Earlier!.RunId, pair.Later!.RunId));
        Assert.Equal(Verdict.Ok, pair.Status);
        Assert.Equal(first, (await Reconciler.ComputeAsync(provider, first, exportFolder: null, Ct)).Continuity[1].Earlier!.RunId);
    }

    [Fact]
    public async Task A_moved_opening_amount_fails_on_exactly_the_accounts_involved_by_the_amount_moved()
    {
        var years = ConsecutiveYears.Generate(Temp, 2022, 2023);
        const decimal moved = 1_234.56m;
        var (from, to) = ConsecutiveYears.MoveOpeningAmount(years[2023], moved);
        await using var provider = await CreateProviderAsync();
        var earlier = await SampleRun.LoadAsync(provider, years[2022], Ct);
        var later = await SampleRun.LoadAsync(provider, years[2023], Ct);

        var result = await Reconciler.ComputeAsync(provider, later, exportFolder: null, Ct);

        var pair = result.Continuity[0];
        Assert.Equal(Verdict.Failed, pair.Status);
        Assert.Equal((earlier, later), (pair.Earlier!.RunId, pair.Later!.RunId));
        var legacy = pair.Differing.Where(r => r.Side == ContinuitySide.Legacy).ToDictionary(r => r.Account, r => r.Difference);
        Assert.Equal(new Dictionary<string, decimal> { [from] = -moved, [to] = moved }, legacy);
        var target = pair.Differing.Where(r => r.Side == ContinuitySide.New).Select(r => r.Difference).Order().ToList();
        Assert.Equal([-moved, moved], target);
        Assert.Equal(Verdict.Failed, result.Status);
        Assert.Equal(2m, result.Check("continuity:2022-2023:legacyAccounts").Found);
        Assert.Equal(-moved, result.Check($"continuity:2022-2023:legacyAccounts:{from}").Difference);
        Assert.Equal(moved, result.Check($"continuity:2022-2023:legacyAccounts:{to}").Difference);
        // The result's allocation is still told apart from the fault.
        Assert.Equal(ConsecutiveYears.ResultCarriedForward, pair.Allocation(ContinuitySide.Legacy)?.Account);
        Assert.Contains("2 compte(s) ancien(s)", ContinuityText.French(pair), StringComparison.Ordinal);
        Assert.Contains(earlier.Value, ContinuityText.Dutch(pair), StringComparison.Ordinal);

        var history = await EntityHistoryReader.ReadForRunAsync(provider, earlier, Ct);
        Assert.Equal(Verdict.Failed, history.ContinuityStatus);
    }

    [Fact]
    public async Task A_missing_year_leaves_the_pairs_around_it_unchecked_and_says_so()
    {
        var years = ConsecutiveYears.Generate(Temp, 2021, 2023);
        await using var provider = await CreateProviderAsync();
        await SampleRun.LoadAsync(provider, years[2021], Ct);
        var latest = await SampleRun.LoadAsync(provider, years[2023], Ct);

        var result = await Reconciler.ComputeAsync(provider, latest, exportFolder: null, Ct);
        Assert.False(result.Continuity[0].IsChecked);
        Assert.Equal([2022], result.Continuity[0].MissingYears);

        var history = await EntityHistoryReader.ReadAsync(provider, "21005", "COMMUNE", Ct);
        Assert.Equal([2021, 2022, 2023], history.Years.Select(y => y.Year));
        Assert.Null(history.Years[1].Published);
        Assert.Equal(["2021-2022", "2022-2023"], history.Pairs.Select(p => p.Key));
        Assert.All(history.Pairs, p =>
        {
            Assert.Null(p.Status);
            Assert.Equal([2022], p.MissingYears);
            Assert.Contains("non vérifiée : aucune exécution publiée pour 2022", ContinuityText.French(p), StringComparison.Ordinal);
        });
        Assert.Equal(Verdict.Ok, history.ContinuityStatus);

        var files = await HistoryReport.WriteAllAsync(history, Temp.Combine("history"), Ct);
        var html = await File.ReadAllTextAsync(files.Html, Ct);
        Assert.Contains("niet gecontroleerd: geen gepubliceerde uitvoering voor 2022", html, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"UNCHECKED\"", await File.ReadAllTextAsync(files.Json, Ct), StringComparison.Ordinal);
        Assert.True(new FileInfo(files.Xlsx).Length > 0);
    }
}

public sealed class SqliteContinuityTests(SqliteDatabase database) : ContinuityTests<SqliteDatabase>(database);

public sealed class PostgresContinuityTests(PostgresDatabase database) : ContinuityTests<PostgresDatabase>(database);

public sealed class SqlServerContinuityTests(SqlServerDatabase database) : ContinuityTests<SqlServerDatabase>(database);
