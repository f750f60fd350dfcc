using System.Globalization;
using System.Text;
using Bascule.Transform.Hashing;

namespace Bascule.Transform.Manifests;

/// <summary>
/// Writes the approval block (by, on, sha256) at the end of a version's <c>mapping.yaml</c>, replacing any earlier
/// block and keeping every other line as it was. The hash covers the new by/on lines, so the approval is itself
/// part of what was approved.
/// </summary>
public static class VersionApproval
{
    public static string Approve(MappingVersion version, string by, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (string.IsNullOrWhiteSpace(by) || by.Any(char.IsControl))
        {
            throw new ArgumentException("Say who approves, on one line, as \"Name, role\".", nameof(by));
        }

        var kept = WithoutApproval(version.ManifestText);
        var block = new StringBuilder(kept);
        block.Append("approval:\n")
            .Append("  by: \"").Append(by.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n")
            .Append("  on: ").Append(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        var withoutHash = block.ToString();
        var sha = CanonicalContent.Sha256(withoutHash, version.RulesText, MappingsRoot.RelativeName(version.MappingsRoot, version.ChartPath),
            version.ChartText);
        File.WriteAllText(version.ManifestPath, withoutHash + "  sha256: " + sha + "\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return sha;
    }

    // The block runs from the top-level "approval:" line to the next line that is neither indented nor blank.
    private static string WithoutApproval(string text)
    {
        var lines = text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var kept = new StringBuilder();
        var inBlock = false;
        foreach (var line in lines)
        {
            if (line.StartsWith("approval:", StringComparison.Ordinal))
            {
                inBlock = true;
                continue;
            }

            if (inBlock && (line.Length == 0 || char.IsWhiteSpace(line[0])))
            {
                continue;
            }

            inBlock = false;
            kept.Append(line).Append('\n');
        }

        return kept.ToString();
    }
}
