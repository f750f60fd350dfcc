using System.Security.Cryptography;
using System.Text;

namespace Bascule.Transform.Hashing;

/// <summary>
/// A version's identity: SHA-256 of its canonical content, defined so an auditor can recompute it with standard
/// tools (mappings/README.md gives the command). The content is three sections in this order, each a header line
/// <c>== NAME</c> then the file's lines:
/// <c>mapping.yaml</c>, <c>rules.csv</c>, then the chart under its path relative to the mappings root
/// (<c>charts/bxl-2024.csv</c>). Each file is read as UTF-8 without BOM; every line loses its trailing whitespace
/// (spaces, tabs, CR); empty lines are dropped; every line ends with LF. The manifest's whole <c>approval</c> block
/// (from the top-level <c>approval:</c> line to the next line that is not indented) is left out: approving a version
/// never changes its identity, so a dress rehearsal run before the approval carries the hash that was approved.
/// </summary>
public static class CanonicalContent
{
    private static readonly char[] TrailingSpace = [' ', '\t', '\r', '\v', '\f'];

    public static string Sha256(string manifestText, string rulesText, string chartName, string chartText)
    {
        var builder = new StringBuilder();
        Append(builder, "mapping.yaml", WithoutApproval(manifestText));
        Append(builder, "rules.csv", rulesText);
        Append(builder, chartName, chartText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>
    /// The manifest without its top-level <c>approval</c> block: the block runs from the <c>approval:</c> line to the next
    /// line that is neither indented nor blank. Line ends are normalised to LF.
    /// </summary>
    public static string WithoutApproval(string manifestText)
    {
        ArgumentNullException.ThrowIfNull(manifestText);
        var kept = new StringBuilder();
        var inBlock = false;
        foreach (var line in manifestText.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n'))
        {
            if (line.StartsWith("approval:", StringComparison.Ordinal))
            {
                inBlock = true;
                continue;
            }

            if (inBlock && (line.TrimEnd(TrailingSpace).Length == 0 || char.IsWhiteSpace(line[0])))
            {
                continue;
            }

            inBlock = false;
            kept.Append(line).Append('\n');
        }

        return kept.ToString();
    }

    private static void Append(StringBuilder builder, string name, string text)
    {
        builder.Append("== ").Append(name).Append('\n');
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd(TrailingSpace);
            if (line.Length > 0)
            {
                builder.Append(line).Append('\n');
            }
        }
    }
}
