using Bascule.Transform.Manifests;

namespace Bascule.Transform.Tests.Validation;

public sealed class ApprovalCheckTests
{
    [Fact]
    public void Approved_version_validates_without_finding()
    {
        using var tree = MappingTree.Small();
        var sha = VersionApproval.Approve(tree.Load(), "Anne Peeters, receveuse régionale", new DateOnly(2026, 11, 28));
        var version = tree.Load();
        Assert.Equal(sha, version.Identity.Sha256);
        Assert.Equal(sha, version.Manifest.Approval!.Sha256);
        Assert.Equal("Anne Peeters, receveuse régionale", version.Manifest.Approval.By);
        Assert.Empty(version.Validate());
    }

    [Fact]
    public void Rule_edited_after_approval_is_reported_as_altered()
    {
        using var tree = MappingTree.Small();
        VersionApproval.Approve(tree.Load(), "Anne Peeters, receveuse", new DateOnly(2026, 11, 28));
        tree.Edit(tree.Rules, "Office supplies: exact account", "Office supplies");
        var finding = Assert.Single(tree.Load().Validate());
        Assert.Equal("ALTERED", finding.Check);
        Assert.Equal(tree.Manifest, finding.File);
        Assert.Contains("Anne Peeters", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_edited_after_approval_is_reported_as_altered()
    {
        using var tree = MappingTree.Small();
        VersionApproval.Approve(tree.Load(), "Anne Peeters, receveuse", new DateOnly(2026, 11, 28));
        tree.Edit(tree.Manifest, "description: Test mapping, one rule per resolution case", "description: Test mapping");
        Assert.Equal("ALTERED", Assert.Single(tree.Load().Validate()).Check);
    }

    [Theory]
    [InlineData("Anne Peeters")]
    [InlineData(", receveuse")]
    [InlineData("Anne Peeters, ")]
    [InlineData("Anne Peeters,\nreceveuse")]
    public void Approval_needs_a_name_and_a_role(string by)
    {
        using var tree = MappingTree.Small();
        var before = File.ReadAllText(tree.Manifest);
        var error = Assert.Throws<ArgumentException>(() => VersionApproval.Approve(tree.Load(), by, new DateOnly(2026, 11, 28)));
        Assert.Contains("Name, role", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(tree.Manifest));
    }

    [Fact]
    public void Approving_again_replaces_the_block_and_keeps_the_rest_of_the_manifest()
    {
        using var tree = MappingTree.Small();
        VersionApproval.Approve(tree.Load(), "First, role", new DateOnly(2026, 11, 1));
        VersionApproval.Approve(tree.Load(), "Second \"quoted\", role", new DateOnly(2026, 11, 2));
        var text = File.ReadAllText(tree.Manifest);
        Assert.Single(
            System.Text.RegularExpressions.Regex.Matches(text, "^approval:", System.Text.RegularExpressions.RegexOptions.Multiline));
        Assert.StartsWith("# A small mapping for the Transform tests", text, StringComparison.Ordinal);
        Assert.Contains("description: Test mapping, one rule per resolution case\n", text, StringComparison.Ordinal);
        var version = tree.Load();
        Assert.Equal("Second \"quoted\", role", version.Manifest.Approval!.By);
        Assert.Empty(version.Validate());
    }
}
