using System.Security.Cryptography;
using System.Text;

namespace Bascule.Transform.Hashing;

/// <summary>
/// A version's identity: SHA-256 of its canonical content, defined so an auditor can recompute it with standard
/// tools (mappings/README.md gives the command). The content is three sections in this order, each a header line
/// <c>== NAME</c> then the file's lines:
/// <c>mapping.yaml</c>, <c>rules.csv</c>, then the chart under its path relative to the mappings root
/// (<c>charts/bxl-2024.csv</c>). Each file is read as UTF-8 without BOM; every line loses its trailing whitespace
/// (spaces, tabs, CR); empty lines are dropped; every line ends with LF. In the manifest, the indented
/// <c>sha256:</c> line (the approval hash) is dropped, because the hash cannot contain itself.
/// </summary>
public static class CanonicalContent
{
    private static readonly char[] TrailingSpace = [' ', '\t', '\r', '\v', '\f'];

    public static string Sha256(string manifestText, string rulesText, string chartName, string chartText)
    {
        var builder = new StringBuilder();
        Append(builder, "mapping.yaml", manifestText, dropApprovalHash: true);
        Append(builder, "rules.csv", rulesText, dropApprovalHash: false);
        Append(builder, chartName, chartText, dropApprovalHash: false);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Whether a manifest line is the approval hash line that the canonical content leaves out.</summary>
    public static bool IsApprovalHashLine(string line)
    {
        var trimmed = line.TrimStart(TrailingSpace);
        return trimmed.Length < line.Length && trimmed.StartsWith("sha256:", StringComparison.Ordinal);
    }

    private static void Append(StringBuilder builder, string name, string text, bool dropApprovalHash)
    {
        builder.Append("== ").Append(name).Append('\n');
        foreach (var raw in text.TrimStart('\uFEFF').Split('\n'))
        {
            var line = raw.TrimEnd(TrailingSpace);
            if (line.Length == 0 || (dropApprovalHash && IsApprovalHashLine(line)))
            {
                continue;
            }

            builder.Append(line).Append('\n');
        }
    }
}
