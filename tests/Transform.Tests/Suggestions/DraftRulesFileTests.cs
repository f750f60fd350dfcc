using Bascule.Transform.Rules;
using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>
/// The draft written from the suggestions: a rules.csv that reads as rules, each with an empty justification and its
/// candidates in a comment block, that validation refuses for exactly that reason until a person justifies each rule.
/// </summary>
public sealed class DraftRulesFileTests
{
    private static async Task<(ShippedMappingCopy Copy, string Draft)> DraftWithoutAsync(params string[] rules)
    {
        var copy = new ShippedMappingCopy().Without(rules);
        var version = copy.Load();
        var report = await (await SampleEvidence.ReadAsync(SampleExports.Commune)).SuggestAsync(version);
        return (copy, DraftRulesFile.Write(report, version, SampleExports.Commune));
    }

    [Fact]
    public async Task Draft_reads_as_rules_with_empty_justifications_each_under_its_comment_block()
    {
        var (copy, draft) = await DraftWithoutAsync("C620", "B454", "P731");
        using var _ = copy;

        var rules = RulesFile.Parse(draft, "draft.csv");

        Assert.Equal(["DRAFT-001", "DRAFT-002", "DRAFT-003", "DRAFT-004", "DRAFT-005", "DRAFT-006"], rules.Select(r => r.Id));
        Assert.All(rules, r => Assert.Equal("", r.Justification));
        Assert.All(rules, r => Assert.True(r.KeepsSourceFunction));
        Assert.Equal(("4540000", "454000", null), (rules[0].Account.Text, rules[0].TargetAccount, rules[0].Article));
        var lines = draft.Split('\n');
        Assert.Equal(string.Join(';', RulesFile.Columns), lines[0]);
        foreach (var rule in rules)
        {
            var block = lines.Take(rule.Line - 1).Reverse().TakeWhile(l => l.StartsWith('#') && l != "#").Reverse().ToList();
            Assert.StartsWith($"# {rule.Id}: account {rule.Account.Text} article ", block[0], StringComparison.Ordinal);
            Assert.Matches(@" lines, debit \d+\.\d\d, credit \d+\.\d\d ", block[0]);
            Assert.StartsWith($"#   1. {rule.TargetText}, score ", block[1], StringComparison.Ordinal);
            Assert.Contains(block, l => l.StartsWith("#   3. ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Appended_to_the_version_the_draft_is_refused_only_for_its_missing_justifications()
    {
        var (copy, draft) = await DraftWithoutAsync("C620", "B454", "P731");
        using var _ = copy;
        var body = string.Concat(draft.Split('\n').Skip(1).Select(l => l + "\n"));

        var errors = copy.Append(body).Load().Validate().Where(f => f.IsError).ToList();

        Assert.Equal(6, errors.Count);
        Assert.All(errors, e => Assert.Equal("NO_JUSTIFICATION", e.Check));
        Assert.Equal(["DRAFT-001", "DRAFT-002", "DRAFT-003", "DRAFT-004", "DRAFT-005", "DRAFT-006"], errors.Select(e => e.RuleId));
    }

    [Fact]
    public async Task Once_justified_the_drafted_rules_cover_the_sample_again()
    {
        var (copy, draft) = await DraftWithoutAsync("C620", "B454", "P731");
        using var _ = copy;
        var justified = string.Concat(draft.Split('\n').Skip(1).Where(l => l.Length > 0)
            .Select(l => (l.StartsWith('#') ? l : l + "Reviewed: the suggested target is right") + "\n"));
        var version = copy.Append(justified).Load();
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);

        var coverage = await sample.CoverageAsync(version);

        Assert.DoesNotContain(version.Validate(), f => f.IsError);
        Assert.Empty(coverage.Uncovered);
        Assert.DoesNotContain(coverage.Findings, f => f.IsError);
    }
}
