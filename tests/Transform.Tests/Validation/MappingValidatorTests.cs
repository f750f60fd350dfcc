using Bascule.Transform.Validation;

namespace Bascule.Transform.Tests.Validation;

/// <summary>Each auditor check on a deliberately broken copy of the small mapping, one fault per case.</summary>
public sealed class MappingValidatorTests
{
    private static MappingFinding Single(MappingTree tree, string check)
    {
        using (tree)
        {
            var findings = tree.Load().Validate();
            return Assert.Single(findings, f => f.Check == check);
        }
    }

    [Fact]
    public void Valid_version_has_no_error()
    {
        using var tree = MappingTree.Small();
        var findings = tree.Load().Validate();
        Assert.DoesNotContain(findings, f => f.Severity != FindingSeverity.Info);
        Assert.Equal("NOT_APPROVED", Assert.Single(findings).Check);
    }

    [Fact]
    public void Target_account_missing_from_the_chart_is_reported()
    {
        var finding = Single(Broken("R3;;;6120000;;612100;", "R3;;;6120000;;612999;"), "UNKNOWN_TARGET");
        Assert.Equal(("R3", 5), (finding.RuleId, finding.Line));
        Assert.Contains("612999", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inactive_target_is_reported()
    {
        var finding = Single(Broken("R3;;;6120000;;612100;12.12;", "R3;;;6120000;;999999;12.12;"), "INACTIVE_TARGET");
        Assert.Equal("R3", finding.RuleId);
    }

    [Fact]
    public void Inactive_function_is_reported() =>
        Assert.Equal("R8", Single(Broken("R8;CPAS;;7000000;;700100;;840;", "R8;CPAS;;7000000;;700100;;999;"), "INACTIVE_TARGET").RuleId);

    [Fact]
    public void Kept_function_of_an_exact_article_function_must_be_in_the_chart() =>
        Assert.Equal(
            "R5",
            Single(Broken("R5;;;*;104/123-*;613000;12.12;104;", "R5;;;*;722/123-*;613000;12.12;=;"), "UNKNOWN_TARGET").RuleId);

    [Fact]
    public void Unknown_economic_code_is_reported() =>
        Assert.Equal("R5", Single(Broken("R5;;;*;104/123-*;613000;12.12;", "R5;;;*;104/123-*;613000;12.13;"), "UNKNOWN_TARGET").RuleId);

    [Fact]
    public void Article_rule_without_economic_code_is_reported() =>
        Assert.Equal("R5", Single(Broken("R5;;;*;104/123-*;613000;12.12;", "R5;;;*;104/123-*;613000;;"), "MISSING_ECONOMIC").RuleId);

    [Fact]
    public void Duplicate_rule_id_is_reported()
    {
        var tree = MappingTree.Small();
        tree.Append(tree.Rules, "R13;;;4500000;;440000;;000;;Copied by mistake");
        var finding = Single(tree, "DUPLICATE_RULE_ID");
        Assert.Equal(("R13", 19), (finding.RuleId, finding.Line));
        Assert.Contains("line 16", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_that_does_not_sum_to_100_is_reported()
    {
        var finding = Single(Broken("421;40;", "421;30;"), "SPLIT_NOT_100");
        Assert.Equal("R7.a", finding.RuleId);
        Assert.Contains("90", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Split_parts_matching_different_lines_are_reported() =>
        Assert.Equal("R7.b", Single(Broken("R7.b;;;6150000;", "R7.b;;;6150001;"), "SPLIT_SOURCE_MISMATCH").RuleId);

    [Fact]
    public void Rule_alone_with_a_share_below_100_is_reported() =>
        Assert.Equal("R3", Single(Broken("R3;;;6120000;;612100;12.12;=;;", "R3;;;6120000;;612100;12.12;=;50;"), "SPLIT_NOT_100").RuleId);

    [Fact]
    public void Two_rules_that_can_tie_are_an_ambiguity_naming_both()
    {
        var tree = MappingTree.Small();
        tree.Append(tree.Rules, "R20;COMMUNE;2022;612*;;612000;12.11;000;;Supplies again, for the commune");
        var finding = Single(tree, "AMBIGUOUS");
        Assert.Equal(("R20", 19), (finding.RuleId, finding.Line));
        Assert.Contains("R2 (line 4", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_with_disjoint_years_or_entity_types_are_not_ambiguous()
    {
        using var tree = MappingTree.Small();
        Assert.DoesNotContain(tree.Load().Validate(), f => f.Check == "AMBIGUOUS");
    }

    [Fact]
    public void Two_rules_on_the_same_exact_account_are_ambiguous_and_rules_on_different_accounts_are_not()
    {
        using var tree = MappingTree.WithRules(
            "X1;;;6120000;;612100;12.12;=;;Supplies",
            "X2;;;6120001;;612100;12.12;=;;Other supplies",
            "X3;;;6120000;;612100;12.12;=;;Supplies twice");
        var finding = Assert.Single(tree.Load().Validate(), f => f.Check == "AMBIGUOUS");
        Assert.Equal("X3", finding.RuleId);
        Assert.Contains("rules X1 (line 2", finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Ambiguities_are_exactly_the_pairs_of_equal_specificity_that_overlap(int seed)
    {
        // Rules drawn from a few patterns of every kind, so that many share a specificity; the check compares only
        // rules that can overlap, and must still find every pair a comparison of all pairs finds.
        string[] types = ["", "COMMUNE", "CPAS"];
        string[] years = ["", "2022", "2023", "2022-2023"];
        string[] accounts =
        [
            "6100000", "610000", "6120000", "6120001", "6*", "61*", "612*", "613*", "6100000..6129999",
            "6120000..6199999", "6130000..6139999", "*",
        ];
        string[] articles = ["", "104/123-01", "*/123-*", "104/*-*"];
        var random = new Random(seed);
        var rules = Enumerable.Range(1, 120)
            .Select(i => $"X{i};{Pick(types)};{Pick(years)};{Pick(accounts)};{Pick(articles)};612100;12.12;=;;Drawn")
            .ToArray();
        using var tree = MappingTree.WithRules(rules);
        var version = tree.Load();

        var expected = new List<string>();
        var groups = version.Groups;
        for (var i = 0; i < groups.Count; i++)
        {
            for (var j = i + 1; j < groups.Count; j++)
            {
                if (groups[i].Specificity == groups[j].Specificity && groups[i].Overlaps(groups[j], version.Manifest.FiscalYears))
                {
                    expected.Add($"{groups[i].BaseId}+{groups[j].BaseId}");
                }
            }
        }

        var found = version.Validate()
            .Where(f => f.Check == "AMBIGUOUS")
            .Select(f => $"{f.Message.Split(' ')[1]}+{f.RuleId}")
            .ToList();
        Assert.True(expected.Count > 20, $"only {expected.Count} ambiguous pairs drawn");
        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));

        string Pick(string[] values) => values[random.Next(values.Length)];
    }

    [Fact]
    public void Rule_for_an_entity_type_the_manifest_does_not_cover_is_reported() =>
        Assert.Equal("R8", Single(BrokenManifest("[COMMUNE, CPAS]", "[COMMUNE]"), "ENTITY_TYPE_OUTSIDE_MANIFEST").RuleId);

    [Fact]
    public void Rule_for_years_outside_the_manifest_is_reported() =>
        Assert.Equal("R11", Single(Broken("R11;;2021-2023;", "R11;;2021-2024;"), "YEARS_OUTSIDE_MANIFEST").RuleId);

    [Fact]
    public void Version_in_a_folder_of_another_name_is_reported() =>
        Assert.Equal(FindingSeverity.Warning, Single(BrokenManifest("version: 1.0.0", "version: 1.0.1"), "FOLDER_MISMATCH").Severity);

    private static MappingTree Broken(string oldText, string newText)
    {
        var tree = MappingTree.Small();
        return tree.Edit(tree.Rules, oldText, newText);
    }

    private static MappingTree BrokenManifest(string oldText, string newText)
    {
        var tree = MappingTree.Small();
        return tree.Edit(tree.Manifest, oldText, newText);
    }
}
