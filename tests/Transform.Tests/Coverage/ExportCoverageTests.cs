using Bascule.Extract.Values;
using Bascule.Transform.Coverage;
using Bascule.Transform.Validation;

namespace Bascule.Transform.Tests.Coverage;

public sealed class ExportCoverageTests
{
    private static Task<CoverageReport> Cover(MappingTree tree, EntityType type, int year, params Extract.Records.LedgerLine[] lines) =>
        ExportCoverage.ComputeAsync(tree.Load(), Ledger.Stream(lines), type, new FiscalYear(year), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Uncovered_combination_is_listed_with_its_line_count_and_amount()
    {
        using var tree = MappingTree.WithRules("R1;;;612*;;612000;12.11;000;;Supplies only");
        var report = await Cover(tree, EntityType.Commune, 2022,
            Ledger.Line("6121000", debit: 10m, record: 1),
            Ledger.Line("7000000", "104/161-01", credit: 4.5m, record: 2),
            Ledger.Line("7000000", "104/161-01", credit: 5.5m, record: 3));
        var uncovered = Assert.Single(report.Uncovered);
        Assert.Equal(
            ("7000000", "104/161-01", 2L, Amount.FromEuros(10m)),
            (uncovered.Account, uncovered.ArticleText, uncovered.Lines, uncovered.Credit));
        Assert.Equal((2L, Amount.FromEuros(10m)), (report.UnmappedLines, report.UnmappedCredit));
        var finding = Assert.Single(report.Findings, f => f.Check == "UNCOVERED");
        Assert.Equal(("ECRITURES.csv", 3), (finding.File, finding.Line));
        Assert.False(report.IsComplete);
    }

    [Fact]
    public async Task Rules_that_no_line_uses_are_listed()
    {
        using var tree = MappingTree.Small();
        var report = await Cover(tree, EntityType.Commune, 2022, Ledger.Line("6120000", debit: 1m));
        Assert.Contains(report.UnusedRules, g => g.BaseId == "R7");
        Assert.DoesNotContain(report.UnusedRules, g => g.BaseId == "R3");
        Assert.Contains(report.Findings, f => f is { Check: "RULE_UNUSED", RuleId: "R7", Line: 9 });
        Assert.True(report.IsComplete);
    }

    [Fact]
    public async Task Kept_function_missing_from_the_chart_is_an_error_naming_the_rule()
    {
        using var tree = MappingTree.Small();
        var report = await Cover(tree, EntityType.Commune, 2022, Ledger.Line("6120000", "722/125-03", debit: 1m));
        var finding = Assert.Single(report.Findings, f => f.Check == "KEPT_FUNCTION_UNKNOWN");
        Assert.Equal(("R3", 5), (finding.RuleId, finding.Line));
        Assert.Contains("722", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budget_line_mapped_without_economic_code_is_a_warning()
    {
        using var tree = MappingTree.Small();
        var report = await Cover(tree, EntityType.Commune, 2022, Ledger.Line("4400000", "104/124-02", debit: 1m));
        var finding = Assert.Single(report.Findings, f => f.Check == "NO_ECONOMIC");
        Assert.Equal(("R4", FindingSeverity.Warning), (finding.RuleId, finding.Severity));
    }

    [Fact]
    public async Task Export_outside_the_manifest_scope_is_an_error()
    {
        using var tree = MappingTree.Small();
        var report = await Cover(tree, EntityType.Commune, 2024, Ledger.Line("6120000", debit: 1m, year: 2024));
        Assert.Contains(report.Findings, f => f.Check == "MANIFEST_NOT_COVERING");
    }
}
