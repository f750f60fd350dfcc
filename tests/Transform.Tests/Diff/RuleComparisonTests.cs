using Bascule.Transform.Diff;

namespace Bascule.Transform.Tests.Diff;

public sealed class RuleComparisonTests
{
    [Fact]
    public void Added_removed_and_changed_rules_are_listed_with_the_changed_columns()
    {
        using var before = MappingTree.Small();
        using var after = MappingTree.Small();
        after.Edit(
            after.Rules,
            "R3;;;6120000;;612100;12.12;=;;Office supplies: exact account",
            "R3;;;6120000;;612000;12.12;=;;Office supplies, merged");
        after.Edit(after.Rules, "R13;;;6100000..6109999;;610100;12.11;=;;Rents by range, below the 61* prefix\n", "");
        after.Append(after.Rules, "R16;;;6600000;;610000;12.11;000;;New account");
        var changes = RuleComparison.Compare(before.Load(), after.Load());
        Assert.Equal(
            [(RuleChangeKind.Added, "R16"), (RuleChangeKind.Removed, "R13"), (RuleChangeKind.Changed, "R3")],
            changes.Select(c => (c.Kind, c.RuleId)).OrderBy(c => c.Kind));
        Assert.Equal(["TARGET_ACCOUNT", "JUSTIFICATION"], changes.Single(c => c.RuleId == "R3").Fields);
    }
}
