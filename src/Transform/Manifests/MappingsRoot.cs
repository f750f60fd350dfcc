namespace Bascule.Transform.Manifests;

/// <summary>
/// The <c>mappings/</c> tree a version lives in: the nearest ancestor folder that holds a <c>charts</c> folder or is
/// named <c>mappings</c>. A manifest's paths may not leave it, so a version cannot quietly depend on a file that is
/// not reviewed with the mappings.
/// </summary>
public static class MappingsRoot
{
    public static string Find(string versionDirectory)
    {
        var start = new DirectoryInfo(Path.GetFullPath(versionDirectory));
        for (var dir = start.Parent; dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "charts")) || dir.Name == "mappings")
            {
                return dir.FullName;
            }
        }

        throw new MappingLoadException(Path.Combine(versionDirectory, ManifestFile.FileName), 1, 1,
            "no mappings tree above this version (a folder holding 'charts' or named 'mappings'); keep versions under "
                + "mappings/<id>/<version>/.");
    }

    /// <summary>Resolves a manifest-relative path, refusing any that leaves the mappings tree.</summary>
    public static string Resolve(string root, string versionDirectory, string relative, string manifestFile, int line)
    {
        var full = Path.GetFullPath(Path.Combine(Path.GetFullPath(versionDirectory), relative));
        var rootWithSeparator = Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            throw new MappingLoadException(manifestFile, line, 1,
                $"the path '{relative}' leads outside the mappings tree {root}; put the file under it and refer to it relative to this "
                    + $"manifest.");
        }

        return full;
    }

    /// <summary>The path relative to the mappings root, with '/' separators: how the hash names a file.</summary>
    public static string RelativeName(string root, string path) =>
        Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
}
