namespace Bascule.Jobs.Cli;

/// <summary>
/// Where a draft may not go: inside a mapping version folder (the one suggested against, or any folder holding a
/// <c>mapping.yaml</c>), since whatever sits in a version folder is part of it or looks like it.
/// </summary>
public static class DraftLocation
{
    /// <summary>The version folder that would hold <paramref name="draft"/>, or null when it lies outside every one.</summary>
    public static string? VersionFolderHolding(string draft, string versionDirectory)
    {
        var version = Path.TrimEndingDirectorySeparator(Path.GetFullPath(versionDirectory));
        for (var folder = Path.GetDirectoryName(Path.GetFullPath(draft)); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (string.Equals(Path.TrimEndingDirectorySeparator(folder), version, StringComparison.Ordinal)
                || File.Exists(Path.Combine(folder, "mapping.yaml")))
            {
                return folder;
            }
        }

        return null;
    }
}
