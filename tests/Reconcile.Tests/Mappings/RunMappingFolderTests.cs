using Bascule.Reconcile.Mappings;
using Bascule.TestSupport;
using Bascule.Transform;

namespace Bascule.Reconcile.Tests.Mappings;

/// <summary>The version folder of a run's mapping found by its recorded hash: there, renamed, altered since, or gone.</summary>
public sealed class RunMappingFolderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_shipped_version_is_found_by_its_hash()
    {
        var (root, shipped) = CopyMappings();

        var found = RunMappingFolder.Find(root, shipped.Identity.Id, shipped.Identity.Version, shipped.Identity.Sha256);

        Assert.Equal(MappingFolderState.Found, found.State);
        Assert.Equal(shipped.Rules.Select(r => r.Id), found.Version!.Rules.Select(r => r.Id));
        Assert.Equal("mappings/bxl-2024/1.0.0", found.Name);
    }

    [Fact]
    public void A_version_folder_renamed_is_still_found_by_its_hash()
    {
        var (root, shipped) = CopyMappings();
        Directory.Move(
            Path.Combine(root, shipped.Identity.Id, shipped.Identity.Version),
            Path.Combine(root, shipped.Identity.Id, "renamed"));

        var found = RunMappingFolder.Find(root, shipped.Identity.Id, shipped.Identity.Version, shipped.Identity.Sha256);

        Assert.Equal(MappingFolderState.Found, found.State);
        Assert.Equal("renamed", Path.GetFileName(found.Folder));
    }

    [Fact]
    public void A_justification_edited_since_the_run_makes_the_folder_altered_with_its_hash_now()
    {
        var (root, shipped) = CopyMappings();
        var rules = Path.Combine(root, shipped.Identity.Id, shipped.Identity.Version, MappingVersion.RulesFileName);
        File.WriteAllText(
            rules,
            File.ReadAllText(rules).Replace("Patrimony carried over unchanged", "Patrimony, edited", StringComparison.Ordinal));

        var found = RunMappingFolder.Find(root, shipped.Identity.Id, shipped.Identity.Version, shipped.Identity.Sha256);

        Assert.Equal(MappingFolderState.Altered, found.State);
        Assert.Null(found.Version);
        Assert.Equal(MappingVersion.Load(Path.GetDirectoryName(rules)!).Identity.Sha256, found.FolderSha256);
        Assert.NotEqual(shipped.Identity.Sha256, found.FolderSha256);
    }

    [Fact]
    public void A_folder_that_is_not_there_or_a_name_that_leaves_the_tree_is_missing()
    {
        var (root, shipped) = CopyMappings();

        Assert.Equal(MappingFolderState.Missing, RunMappingFolder.Find(root, shipped.Identity.Id, "9.9.9", new string('0', 64)).State);
        Assert.Equal(
            MappingFolderState.Missing,
            RunMappingFolder.Find(root, "other", shipped.Identity.Version, shipped.Identity.Sha256).State);
        Assert.Equal(MappingFolderState.Missing, RunMappingFolder.Find(root, "..", "mappings", shipped.Identity.Sha256).State);
        Assert.Equal(
            MappingFolderState.Missing,
            RunMappingFolder.Find(_temp.Combine("nowhere"), shipped.Identity.Id, shipped.Identity.Version, shipped.Identity.Sha256).State);
    }

    public void Dispose() => _temp.Dispose();

    private (string Root, MappingVersion Shipped) CopyMappings()
    {
        var root = _temp.Combine("mappings");
        Folders.Copy(RepositoryRoot.Combine("mappings"), root);
        return (root, MappingVersion.Load(RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0")));
    }
}
