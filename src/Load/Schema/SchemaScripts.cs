using System.Globalization;
using System.Text.RegularExpressions;

namespace Bascule.Load.Schema;

/// <summary>The schema scripts embedded in this assembly, per provider folder, in version order.</summary>
public static partial class SchemaScripts
{
    public static IReadOnlyList<SchemaScript> For(string providerFolder)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"Schema/{providerFolder}/";
        var scripts = new List<SchemaScript>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var match = ScriptName().Match(name);
            if (!match.Success)
            {
                throw new InvalidOperationException($"Schema script '{resource}' is not named V<number>__<name>.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            scripts.Add(new SchemaScript(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), name, SplitBatches(text)));
        }

        return scripts.OrderBy(s => s.Version).ToList();
    }

    /// <summary>Splits on lines holding only <c>GO</c>, the T-SQL batch separator; other scripts come back whole.</summary>
    public static IReadOnlyList<string> SplitBatches(string text) =>
        GoLine().Split(text).Select(b => b.Trim()).Where(b => b.Length > 0).ToList();

    [GeneratedRegex(@"^V(\d+)__[A-Za-z0-9_]+\.sql$")]
    private static partial Regex ScriptName();

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
