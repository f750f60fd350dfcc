using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// A copy of the shipped mapping without its energy rules (C611.a and C611.b, the 60/40 split of account 6120000):
/// still valid on its own, not valid on the commune sample, whose energy lines it leaves unmapped.
/// </summary>
internal static class ReducedMapping
{
    public static readonly string Full = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    public static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    /// <summary>Writes the copy under <paramref name="folder"/> (a mappings tree of its own: a version reads its chart beside it) and
    /// returns the version's folder.</summary>
    public static string Create(string folder)
    {
        Folders.Copy(RepositoryRoot.Combine("mappings"), Path.Combine(folder, "mappings"));
        var version = Path.Combine(folder, "mappings", "bxl-2024", "1.0.0");
        var rules = Path.Combine(version, "rules.csv");
        var lines = File.ReadAllLines(rules);
        var kept = lines.Where(l => !l.StartsWith("C611.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(lines.Length - 2, kept.Length);
        File.WriteAllLines(rules, kept);
        return version;
    }
}
