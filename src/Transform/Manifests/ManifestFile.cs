using System.Globalization;
using System.Text.RegularExpressions;
using Bascule.Extract.Values;
using Bascule.Transform.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bascule.Transform.Manifests;

/// <summary>Reads <c>mapping.yaml</c> with line and column on every error.</summary>
public static partial class ManifestFile
{
    public const string FileName = "mapping.yaml";

    private static readonly string[] Known = ["id", "version", "description", "chart", "entity_types", "fiscal_years", "approval"];

    public static Manifest Parse(string text, string file)
    {
        var root = Load(text, file);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in root.Children)
        {
            var name = Scalar(key, file, "key");
            if (!Known.Contains(name))
            {
                throw Error(file, key, $"unknown key '{name}'; the manifest knows {string.Join(", ", Known)}.");
            }

            lines[name] = Line(key);
        }

        var id = Required(root, "id", file);
        var version = Required(root, "version", file);
        if (!SemanticVersion().IsMatch(version))
        {
            throw Error(
                file,
                root.Children[new YamlScalarNode("version")],
                $"version '{version}' is not a semantic version such as 1.2.0.");
        }

        var chart = Required(root, "chart", file);
        var description = root.Children.TryGetValue(new YamlScalarNode("description"), out var d) ? Scalar(d, file, "description") : "";
        var entityTypes = ReadEntityTypes(root, file);
        var yearsNode = root.Children.TryGetValue(new YamlScalarNode("fiscal_years"), out var y)
            ? y
            : throw new MappingLoadException(
                file,
                1,
                1,
                "the key 'fiscal_years' is missing; write the source years, e.g. fiscal_years: 2019-2023.");
        if (!YearRange.TryParse(Scalar(yearsNode, file, "fiscal_years"), out var years))
        {
            throw Error(file, yearsNode, "fiscal_years is not a year or a range such as 2019-2023.");
        }

        var approval = root.Children.TryGetValue(new YamlScalarNode("approval"), out var a) ? ReadApproval(a, file) : null;
        return new Manifest(id, version, description, chart, entityTypes, years, approval, lines);
    }

    private static YamlMappingNode Load(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new MappingLoadException(file, ToInt(ex.Start.Line), ToInt(ex.Start.Column), $"YAML syntax: {ex.Message}");
        }
        catch (InvalidOperationException ex)
        {
            // The YAML scanner stops this way, without a position, on some unterminated flow collections.
            throw new MappingLoadException(
                file,
                0,
                0,
                $"YAML syntax: the parser stopped ({ex.Message}); check that every [ and {{ is closed and every quote ends.");
        }

        return stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode root
            ? root
            : throw new MappingLoadException(file, 1, 1, "the manifest must be one YAML mapping (id:, version:, chart: …).");
    }

    private static List<EntityType> ReadEntityTypes(YamlMappingNode root, string file)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("entity_types"), out var node) || node is not YamlSequenceNode list
            || list.Children.Count == 0)
        {
            throw new MappingLoadException(file, root.Children.TryGetValue(new YamlScalarNode("entity_types"), out var n) ? Line(n) : 1, 1,
                "entity_types must list at least one entity type, e.g. entity_types: [COMMUNE, CPAS].");
        }

        var types = new List<EntityType>();
        foreach (var item in list.Children)
        {
            var text = Scalar(item, file, "entity type");
            if (!EntityTypes.TryParse(text, out var type))
            {
                throw Error(file, item, $"entity type '{text}' is unknown; write COMMUNE or CPAS.");
            }

            types.Add(type);
        }

        return types;
    }

    private static Approval ReadApproval(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map || map.Style == YamlDotNet.Core.Events.MappingStyle.Flow)
        {
            throw Error(file, node, "approval must be a block with by:, on: and sha256: on their own lines.");
        }

        foreach (var (key, _) in map.Children)
        {
            var name = Scalar(key, file, "key");
            if (name is not ("by" or "on" or "sha256"))
            {
                throw Error(file, key, $"unknown approval key '{name}'; approval holds by, on and sha256.");
            }
        }

        var by = Required(map, "by", file);
        var onText = Required(map, "on", file);
        if (!DateOnly.TryParseExact(onText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var on))
        {
            throw Error(file, map.Children[new YamlScalarNode("on")], $"approval date '{onText}' is not yyyy-MM-dd.");
        }

        var sha = Required(map, "sha256", file);
        if (!Sha256Text().IsMatch(sha))
        {
            throw Error(
                file,
                map.Children[new YamlScalarNode("sha256")],
                "approval sha256 is not 64 hexadecimal digits; recompute it with `bascule mapping hash`.");
        }

        return new Approval(by, on, sha.ToLowerInvariant(), Line(node));
    }

    private static string Required(YamlMappingNode map, string key, string file) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && Scalar(node, file, key) is { Length: > 0 } value
            ? value
            : throw new MappingLoadException(
                file,
                Line(map),
                1,
                $"the key '{key}' is missing or empty; see mappings/README.md for the manifest's keys.");

    private static string Scalar(YamlNode node, string file, string what) =>
        node is YamlScalarNode { Value: var value } ? (value ?? "").Trim() : throw Error(file, node, $"{what} must be a single value.");

    private static MappingLoadException Error(string file, YamlNode node, string message) =>
        new(file, Line(node), ToInt(node.Start.Column), message);

    private static int Line(YamlNode node) => ToInt(node.Start.Line);

    private static int ToInt(long value) => (int)Math.Min(value, int.MaxValue);

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Text();
}
