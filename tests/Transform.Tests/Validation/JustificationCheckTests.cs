using Bascule.Extract.Values;
using Bascule.Transform.Validation;

namespace Bascule.Transform.Tests.Validation;

/// <summary>A rule without a justification loads (drafts are written that way) but no version holding one can be used.</summary>
public sealed class JustificationCheckTests
{
    [Fact]
    public void Every_unjustified_rule_is_an_error_naming_its_line()
    {
        using var tree = MappingTree.Small();
        tree.Edit(tree.Rules, ";Suppliers by range", ";").Edit(tree.Rules, ";Salaries: charge accounts with a staff article", ";\"  \"");

        var findings = tree.Load().Validate().Where(f => f.Check == "NO_JUSTIFICATION").ToList();

        Assert.Equal([("R4", 6), ("R15", 18)], findings.Select(f => (f.RuleId, f.Line)));
        Assert.All(findings, f => Assert.True(f.IsError));
        Assert.All(findings, f => Assert.EndsWith("rules.csv", f.File, StringComparison.Ordinal));
        Assert.Contains("write why this rule exists before the version can be used", findings[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_with_an_unjustified_rule_cannot_map_lines()
    {
        using var tree = MappingTree.Small();
        var version = tree.Edit(tree.Rules, ";Suppliers by range", ";").Load();

        var refused = Assert.Throws<MappingUnusableException>(() => version.CreateMapper(EntityType.Commune, new FiscalYear(2023)));
        Assert.Contains("NO_JUSTIFICATION [R4]", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_and_test_mappings_justify_every_rule()
    {
        using var tree = MappingTree.Small();
        Assert.DoesNotContain(tree.Load().Validate(), f => f.Check == "NO_JUSTIFICATION");
        Assert.DoesNotContain(MappingVersion.Load(SampleExports.BxlVersion).Validate(), f => f.Check == "NO_JUSTIFICATION");
    }
}
