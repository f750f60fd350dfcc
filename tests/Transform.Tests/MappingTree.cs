using Bascule.TestSupport;

namespace Bascule.Transform.Tests;

/// <summary>
/// A throwaway copy of the test mappings tree (tests/Transform.Tests/Files/mappings), so a test can break one
/// thing in it and load the result as a real version.
/// </summary>
internal sealed class MappingTree : IDisposable
{
    private readonly TempDirectory _temp = new();

    private MappingTree()
    {
        Copy(RepositoryRoot.Combine("tests", "Transform.Tests", "Files", "mappings"), Root);
    }

    public string Root => _temp.Combine("mappings");

    public string Version => Path.Combine(Root, "small", "1.0.0");

    public string Rules => Path.Combine(Version, "rules.csv");

    public string Manifest => Path.Combine(Version, "mapping.yaml");

    public static MappingTree Small() => new();

    /// <summary>The small version with its rules replaced by the header and these lines.</summary>
    public static MappingTree WithRules(params string[] rules)
    {
        var tree = new MappingTree();
        File.WriteAllText(tree.Rules,
            "RULE;ENTITY_TYPE;YEARS;SOURCE_ACCOUNT;SOURCE_ARTICLE;TARGET_ACCOUNT;TARGET_ECONOMIC;TARGET_FUNCTION;SHARE;JUSTIFICATION\n"
            + string.Join('\n', rules) + "\n");
        return tree;
    }

    public MappingTree Edit(string file, string oldText, string newText)
    {
        var text = File.ReadAllText(file);
        Assert.Contains(oldText, text, StringComparison.Ordinal);
        File.WriteAllText(file, text.Replace(oldText, newText, StringComparison.Ordinal));
        return this;
    }

    public MappingTree Append(string file, string line)
    {
        File.AppendAllText(file, line + "\n");
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
