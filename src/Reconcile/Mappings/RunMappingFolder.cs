using Bascule.Transform;
using Bascule.Transform.Manifests;

namespace Bascule.Reconcile.Mappings;

/// <summary>What the mappings folder holds of the version a run used.</summary>
public enum MappingFolderState
{
    /// <summary>A version folder whose content hashes to the run's recorded SHA-256.</summary>
    Found,

    /// <summary>The folder named by the run's version is there, but its content is no longer what the run used.</summary>
    Altered,

    /// <summary>No folder of the mapping holds that version.</summary>
    Missing,
}

/// <summary>
/// The version folder of the mapping a run used, found under the mappings folder by the run's mapping id and recorded
/// SHA-256: the folder named by the version first, then any other folder of that mapping (a version's identity is its
/// content's hash, not its folder's name). <see cref="Version"/> is set only when <see cref="State"/> is
/// <see cref="MappingFolderState.Found"/>; for an altered folder, <see cref="FolderSha256"/> is what its content hashes to
/// now, or null with <see cref="Problem"/> when it cannot be read.
/// </summary>
public sealed record RunMappingFolder(
    MappingFolderState State,
    string Folder,
    MappingVersion? Version,
    string? FolderSha256,
    string? Problem)
{
    /// <summary>The folder as the mappings tree names it (<c>mappings/bxl-2024/1.0.0</c>): what a reader needs, not the server's
    /// paths.</summary>
    public string Name { get; private init; } = "";

    public static RunMappingFolder Find(string mappingsRoot, string mappingId, string version, string sha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mappingsRoot);
        var root = Path.GetFullPath(mappingsRoot);
        var found = Look(root, mappingId, version, sha256);
        return found with { Name = "mappings/" + Transform.Manifests.MappingsRoot.RelativeName(root, found.Folder) };
    }

    private static RunMappingFolder Look(string root, string mappingId, string version, string sha256)
    {
        var named = Path.Combine(root, mappingId, version);

        // The run's own record names the folder; a name that is not a plain folder name cannot be one of the tree's.
        if (!IsFolderName(mappingId) || !IsFolderName(version))
        {
            return new RunMappingFolder(MappingFolderState.Missing, named, null, null, null);
        }

        var (namedVersion, problem) = Load(named);
        if (namedVersion is not null && Matches(namedVersion, sha256))
        {
            return new RunMappingFolder(MappingFolderState.Found, named, namedVersion, sha256, null);
        }

        var family = Path.Combine(root, mappingId);
        var elsewhere = Directory.Exists(family)
            ? Directory.EnumerateDirectories(family)
                .Where(d => !string.Equals(d, named, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .Select(d => Load(d).Version)
                .FirstOrDefault(v => v is not null && Matches(v, sha256))
            : null;
        if (elsewhere is not null)
        {
            return new RunMappingFolder(MappingFolderState.Found, elsewhere.Directory, elsewhere, sha256, null);
        }

        return File.Exists(Path.Combine(named, ManifestFile.FileName)) || File.Exists(Path.Combine(named, MappingVersion.RulesFileName))
            ? new RunMappingFolder(MappingFolderState.Altered, named, null, namedVersion?.Identity.Sha256, problem)
            : new RunMappingFolder(MappingFolderState.Missing, named, null, null, null);
    }

    private static bool Matches(MappingVersion version, string sha256)
        => string.Equals(version.Identity.Sha256, sha256, StringComparison.Ordinal);

    private static bool IsFolderName(string name) =>
        name is { Length: > 0 } && name != "." && name != ".." && name.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) < 0;

    private static (MappingVersion? Version, string? Problem) Load(string folder)
    {
        if (!File.Exists(Path.Combine(folder, ManifestFile.FileName)))
        {
            return (null, null);
        }

        try
        {
            return (MappingVersion.Load(folder), null);
        }
        catch (Exception ex) when (ex is MappingLoadException or IOException or UnauthorizedAccessException)
        {
            // A folder that no longer reads is not the version the run used: runs start only from versions that load.
            return (null, ex.Message);
        }
    }
}
