using Bascule.Extract.Values;
using Bascule.Transform.Charts;
using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>
/// The suggestions on the committed commune sample against copies of the shipped mapping with rules taken out: what
/// those rules covered becomes uncovered, and each combination gets ranked candidates with their reasons.
/// </summary>
public sealed class SuggestionEngineTests
{
    [Fact]
    public async Task Each_uncovered_combination_comes_with_its_lines_and_amounts()
    {
        using var copy = new ShippedMappingCopy().Without("C620");
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);

        var report = await sample.SuggestAsync(copy.Load());

        Assert.Equal(["104/111-01", "421/111-01", "722/111-01", "764/111-01"], report.Suggestions.Select(s => s.Combination.ArticleText));
        var salaries = sample.Lines.Where(l => l.Account.Value == "6200000").ToList();
        Assert.Equal(salaries.Count, report.Lines);
        Assert.Equal(salaries.Sum(l => l.Debit.Value), report.Debit.Value);
        Assert.Equal(salaries.Sum(l => l.Credit.Value), report.Credit.Value);
        Assert.Equal(["DRAFT-001", "DRAFT-002", "DRAFT-003", "DRAFT-004"], report.Suggestions.Select(s => s.RuleId));
    }

    [Fact]
    public async Task The_removed_rule_target_ranks_first_with_label_numbering_and_coherence_reasons()
    {
        using var copy = new ShippedMappingCopy().Without("C620");
        var report = await (await SampleEvidence.ReadAsync(SampleExports.Commune)).SuggestAsync(copy.Load());

        var best = report.Suggestions[0].Best!;

        Assert.Equal("620000 / 11.11 / =", best.TargetText);
        Assert.Contains(
            best.Account.Reasons,
            r => r.Kind == ReasonKind.Label && r.Text.Contains("\"Rémunérations du personnel\"", StringComparison.Ordinal));
        Assert.Contains(best.Account.Reasons, r => r.Kind == ReasonKind.Numbering);
        Assert.Contains(best.Economic!.Reasons, r => r.Kind == ReasonKind.Numbering && r.Text.Contains("111", StringComparison.Ordinal));
        Assert.Equal(ReasonKind.Coherence, best.Coherence!.Kind);
        Assert.Equal(best.Account.Score + best.Economic.Score + best.Coherence.Points, best.Score);
    }

    [Fact]
    public async Task Mapped_siblings_and_the_same_economic_code_give_their_reasons()
    {
        using var copy = new ShippedMappingCopy().Without("C610A");
        var report = await (await SampleEvidence.ReadAsync(SampleExports.Commune)).SuggestAsync(copy.Load());

        var suggestion = Assert.Single(report.Suggestions);
        var best = suggestion.Best!;

        Assert.Equal(("6110000", "104/123-02"), (suggestion.Combination.Account, suggestion.Combination.ArticleText));
        Assert.Equal("610000 / 12.11 / =", best.TargetText);
        // C610T maps the other articles of 6110000; C613A, C614 and C614I map economic code 123 on 6140000.
        Assert.Contains(best.Account.Reasons, r => r.Kind == ReasonKind.Sibling && r.Text.Contains("C610T", StringComparison.Ordinal));
        Assert.Contains(
            best.Economic!.Reasons,
            r => r.Kind == ReasonKind.EconomicCode && r.Text.Contains("C614", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Candidates_are_ranked_best_first_and_as_many_as_asked()
    {
        using var copy = new ShippedMappingCopy().Without("C620", "B454", "P731");
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);
        var version = copy.Load();
        var coverage = await sample.CoverageAsync(version);

        var report = SuggestionEngine.Suggest(version, coverage, sample.Evidence, candidates: 5);

        Assert.Equal(6, report.Combinations);
        Assert.All(report.Suggestions, s => Assert.Equal(5, s.Candidates.Count));
        Assert.All(
            report.Suggestions,
            s => Assert.Equal(s.Candidates.OrderByDescending(c => c.Score).Select(c => c.Score), s.Candidates.Select(c => c.Score)));
        Assert.All(report.Suggestions, s => Assert.Equal(s.Candidates.Count, s.Candidates.Select(c => c.TargetText).Distinct().Count()));
    }

    [Fact]
    public async Task Only_active_chart_targets_are_candidates()
    {
        using var copy = new ShippedMappingCopy().Without("C611");
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);
        var version = copy.Load();
        var inactive = version.Chart.Find(ChartKind.Account, "611000")!;
        // The inactive "Énergie (non ventilée)" shares a word with the legacy account's label: only its flag keeps it out.
        Assert.False(inactive.Active);
        Assert.True(LabelWords.Of(inactive.LabelFr).Overlaps(LabelWords.Of(sample.Evidence.AccountLabel("6120000"))));

        var report = await sample.SuggestAsync(version);

        Assert.Equal(2, report.Combinations);
        var targets = report.Suggestions.SelectMany(s => s.Candidates).ToList();
        Assert.All(targets, c => Assert.True(version.Chart.Find(ChartKind.Account, c.TargetAccount)!.Active, c.TargetText));
        Assert.All(targets, c => Assert.True(version.Chart.Find(ChartKind.Economic, c.TargetEconomic!)!.Active, c.TargetText));
    }

    [Fact]
    public async Task A_combination_that_a_rule_for_the_other_entity_type_names_is_drafted_for_this_type_only()
    {
        using var copy = new ShippedMappingCopy().Replace("B453;;;4530000;", "B453;CPAS;;4530000;");
        var report = await (await SampleEvidence.ReadAsync(SampleExports.Commune)).SuggestAsync(copy.Load());

        var suggestion = Assert.Single(report.Suggestions);

        Assert.Equal(("4530000", EntityType.Commune), (suggestion.Combination.Account, suggestion.EntityType));
        Assert.Equal("453000 / - / =", suggestion.Best!.TargetText);
    }
}
