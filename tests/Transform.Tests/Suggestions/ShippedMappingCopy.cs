using Bascule.TestSupport;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>
/// A throwaway copy of the repository's mappings/ (the chart and bxl-2024 1.0.0), so a test can take rules out of the
/// shipped version, or append a draft to it, and load the result as a real version.
/// </summary>
internal sealed class ShippedMappingCopy : IDisposable
{
    private readonly TempDirectory _temp = new();

    public ShippedMappingCopy()
    {
        Copy(RepositoryRoot.Combine("mappings"), _temp.Combine("mappings"));
    }

    public string Root => _temp.Path;

    public string Version => _temp.Combine("mappings", "bxl-2024", "1.0.0");

    public string Rules => Path.Combine(Version, MappingVersion.RulesFileName);

    /// <summary>Removes every line of these rules (a split's parts with it).</summary>
    public ShippedMappingCopy Without(params string[] baseIds)
    {
        var lines = File.ReadAllLines(Rules);
        static string BaseId(string line) => line.Split(';')[0].Split('.')[0];
        Assert.All(baseIds, id => Assert.Contains(lines, line => BaseId(line) == id));
        File.WriteAllLines(Rules, lines.Where(line => !baseIds.Contains(BaseId(line), StringComparer.Ordinal)));
        return this;
    }

    public ShippedMappingCopy Replace(string oldText, string newText)
    {
        var text = File.ReadAllText(Rules);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(Rules, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public ShippedMappingCopy Append(string text)
    {
        File.AppendAllText(Rules, text);
        return this;
    }

    public MappingVersion Load() => MappingVersion.Load(Version);

    public void Dispose() => _temp.Dispose();

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
