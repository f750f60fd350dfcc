using System.Globalization;
using System.Text;
using Bascule.Transform.Hashing;

namespace Bascule.Transform.Manifests;

/// <summary>
/// Writes the approval block (by, on, sha256) at the end of a version's <c>mapping.yaml</c>, replacing any earlier
/// block and keeping every other line as it was. The block records who approved (name and role), when, and the
/// identity they approved; the identity leaves the block out, so approving changes neither the hash nor anything a
/// dress rehearsal recorded.
/// </summary>
public static class VersionApproval
{
    /// <summary>Writes the approval and returns the identity approved (the version's SHA-256, unchanged by it).</summary>
    public static string Approve(MappingVersion version, string by, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!IsNameAndRole(by))
        {
            throw new ArgumentException(
                $"Say who approves, on one line, as \"Name, role\" (e.g. \"Anne Peeters, receveuse régionale\"): '{by}' does not give "
                    + $"both.", nameof(by));
        }

        var sha = version.Identity.Sha256;
        var manifest = new StringBuilder(CanonicalContent.WithoutApproval(version.ManifestText).TrimEnd('\n')).Append('\n')
            .Append("approval:\n")
            .Append("  by: \"").Append(
                by.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\"\n")
            .Append("  on: ").Append(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n')
            .Append("  sha256: ").Append(sha).Append('\n');
        File.WriteAllText(version.ManifestPath, manifest.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return sha;
    }

    // "Name, role": an approval that cannot say in which capacity someone approved proves little to an auditor.
    private static bool IsNameAndRole(string? by)
    {
        if (string.IsNullOrWhiteSpace(by) || by.Any(char.IsControl))
        {
            return false;
        }

        var comma = by.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && by[..comma].Trim().Length > 0 && by[(comma + 1)..].Trim().Length > 0;
    }
}
