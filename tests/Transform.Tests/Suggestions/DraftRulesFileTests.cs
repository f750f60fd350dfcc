using System.Text;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Transform.Coverage;
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
        var draft = Path.Combine(copy.Root, "draft.csv");
        DraftRulesFile.Write(draft, report, version, SampleExports.Commune);
        return (copy, File.ReadAllText(draft));
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

    [Fact]
    public void Draft_file_is_the_header_the_comment_lines_as_written_and_each_rule_quoted_only_where_RFC_4180_asks_never_neutralised()
    {
        using var copy = new ShippedMappingCopy();
        var version = copy.Load();
        var combination = new CombinationStats(
            "4540000",
            null,
            3,
            Amount.FromCents(1250),
            Amount.FromCents(-5),
            new Lineage("ECRITURES.csv", 7, 8));
        // A target holding the separator needs quoting; a comment line holding it and quotes stays as it is.
        var quoted = new Candidate(
            new ScoredTarget("454;000", 0.5m, [new Reason(ReasonKind.Sibling, 0.5m, "accounts 454*; \"same\" prefix")]),
            null);
        var plain = new Candidate(new ScoredTarget("455000", 1.25m, []), null, TargetFunction: "104");
        var report = new SuggestionReport(EntityType.Commune, new FiscalYear(2023),
        [
            new Suggestion("DRAFT-001", combination, EntityType.Commune, [quoted], "see \"why\"; later"),
            // A field starting with = (a formula to a spreadsheet) is a code here: written as it is.
            new Suggestion("DRAFT-002", combination with { Account = "=4550000" }, null, [plain], null),
            new Suggestion("DRAFT-003", combination, EntityType.Commune, [], "no candidate"),
        ]);
        var path = Path.Combine(copy.Root, "draft.csv");

        DraftRulesFile.Write(path, report, version, "export");

        string[] lines =
        [
            "RULE;ENTITY_TYPE;YEARS;SOURCE_ACCOUNT;SOURCE_ARTICLE;TARGET_ACCOUNT;TARGET_ECONOMIC;TARGET_FUNCTION;SHARE;JUSTIFICATION",
            $"# Draft rules from bascule mapping suggest: mapping {version.Identity.Id} {version.Identity.Version} against export "
                + $"(COMMUNE 2023),",
            "# 3 account/article combinations no rule covers: 9 lines, debit 37.50, credit -0.15.",
            "# A draft belongs to no version and is never applied. Review each rule, write its JUSTIFICATION (empty here:",
            "# validation refuses a rule without one), then copy it into a new version folder.",
            "#",
            "# DRAFT-001: account 4540000 article (none): 3 lines, debit 12.50, credit -0.05 (first: ECRITURES.csv line 8)",
            "#   1. 454;000 / - / =, score 0.50",
            "#      account 454;000 (0.50): accounts 454*; \"same\" prefix (+0.50)",
            "#   NOTE: see \"why\"; later",
            "DRAFT-001;COMMUNE;;4540000;;\"454;000\";;=;;",
            "#",
            "# DRAFT-002: account =4550000 article (none): 3 lines, debit 12.50, credit -0.05 (first: ECRITURES.csv line 8)",
            "#   1. 455000 / - / 104, score 1.25",
            "#      account 455000 (1.25): ",
            "DRAFT-002;;;=4550000;;455000;;104;;",
            "#",
            "# DRAFT-003: account 4540000 article (none): 3 lines, debit 12.50, credit -0.05 (first: ECRITURES.csv line 8)",
            "#   NOTE: no candidate",
        ];
        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + Environment.NewLine))), File.ReadAllBytes(path));
    }
}
