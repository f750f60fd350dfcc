using System.Globalization;
using System.Text.Json;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Reports;

public sealed class JsonReportTests
{
    [Fact]
    public async Task The_json_has_the_spec_field_names_and_amounts_with_exactly_two_decimals()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);

        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        var text = await File.ReadAllTextAsync(files.Json, TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;
        foreach (var name in new[] {
            "runId",
            "entity",
            "fiscalYear",
            "mapping",
            "sourceFiles",
            "totals",
            "targetAccounts",
            "checks",
            "status" })
        {
            Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        }

        Assert.Equal(["id", "version", "sha256", "approval"], root.GetProperty("mapping").EnumerateObject().Select(p => p.Name));
        // The shipped version is not approved: the report says so (null), it does not leave the field out.
        Assert.Equal(JsonValueKind.Null, root.GetProperty("mapping").GetProperty("approval").ValueKind);
        Assert.Equal(
            ["name", "sha256", "lines", "staged", "unmapped", "rejected", "debit", "credit"],
            root.GetProperty("sourceFiles")[0].EnumerateObject().Select(p => p.Name).Take(8));
        Assert.Equal(
            ["sourceDebit", "sourceCredit", "stagedDebit", "stagedCredit", "unmappedDebit", "unmappedCredit", "rejectedDebit",
                "rejectedCredit"],
            root.GetProperty("totals").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["name", "status", "expected", "found", "difference"],
            root.GetProperty("checks")[0].EnumerateObject().Select(p => p.Name).Skip(1).Take(5));
        Assert.Equal(
            SampleFigures.Of(SampleRun.Commune).Debit().ToString("0.00", CultureInfo.InvariantCulture),
            root.GetProperty("totals").GetProperty("stagedDebit").GetRawText());
        Assert.Equal("0.00", root.GetProperty("totals").GetProperty("unmappedDebit").GetRawText());
        Assert.All(
            root.GetProperty("targetAccounts").EnumerateArray(),
            a => Assert.Matches(@"^-?\d+\.\d{2}$", a.GetProperty("credit").GetRawText()));
        Assert.Equal("OK", root.GetProperty("status").GetString());
        Assert.Equal(2023, root.GetProperty("fiscalYear").GetInt32());
    }

    [Fact]
    public async Task Personal_data_of_rejected_lines_is_masked_unless_the_setting_shows_it()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);

        var masked = await File.ReadAllTextAsync(
            (await ReportWriter.WriteAllAsync(result, temp.Combine("masked"), cancellationToken: TestContext.Current.CancellationToken))
                .Json,
            TestContext.Current.CancellationToken);
        var shown = await File.ReadAllTextAsync(
            (await ReportWriter.WriteAllAsync(
                result,
                temp.Combine("shown"),
                new ReportOptions(ShowPersonalData: true),
                TestContext.Current.CancellationToken)).Json,
            TestContext.Current.CancellationToken);

        Assert.DoesNotContain("Dupont", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("BE71096123456769", masked, StringComparison.Ordinal);
        Assert.Contains("F9999", masked, StringComparison.Ordinal);
        Assert.Contains("Dupont", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_decimal_with_one_decimal_is_written_with_two()
    {
        Assert.Equal("12.50", Bascule.Reconcile.Reports.Json.JsonMoney.Format(12.5m));
        Assert.Equal("-0.01", Bascule.Reconcile.Reports.Json.JsonMoney.Format(-0.010m));
        Assert.Equal("3.00", Bascule.Reconcile.Reports.Json.JsonMoney.Format(3m));
    }
}
