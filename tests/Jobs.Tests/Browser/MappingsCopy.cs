using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Browser;

/// <summary>The repository's mappings tree copied into a test's folder, where the runs' versions are then found by their SHA-256.</summary>
internal static class MappingsCopy
{
    public static string To(string folder)
    {
        var from = RepositoryRoot.Combine("mappings");
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(folder, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return folder;
    }
}
