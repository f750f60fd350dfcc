using System.Collections.Concurrent;
using Bascule.Transform;
using Bascule.Transform.Manifests;
using Bascule.Transform.Mapping;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// The justification of each rule of the mapping version a run used, by rule id, found under the mappings folder by the
/// run's mapping id and SHA-256 (the version folder's name is not trusted: its content's hash is the identity). A version
/// with a given hash never changes, so each is read once per process. Null when the folder holds no version with that
/// hash: a page then says so instead of a justification.
/// </summary>
internal static class RuleJustifications
{
    private static readonly ConcurrentDictionary<(string Root, string Sha256), IReadOnlyDictionary<string, string>?> Found = new();

    public static IReadOnlyDictionary<string, string>? Of(string mappingsRoot, MappingIdentity mapping) =>
        Found.GetOrAdd((Path.GetFullPath(mappingsRoot), mapping.Sha256), key => Read(key.Root, mapping));

    private static Dictionary<string, string>? Read(string root, MappingIdentity mapping)
    {
        var folder = Path.Combine(root, mapping.Id);
        if (!Directory.Exists(folder))
        {
            return null;
        }

        // The folder named by the version first: nearly always the one.
        var candidates = Directory.EnumerateDirectories(folder)
            .OrderBy(d => string.Equals(Path.GetFileName(d), mapping.Version, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(d => d, StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (!File.Exists(Path.Combine(candidate, ManifestFile.FileName)))
            {
                continue;
            }

            try
            {
                var version = MappingVersion.Load(candidate);
                if (string.Equals(version.Identity.Sha256, mapping.Sha256, StringComparison.Ordinal))
                {
                    return version.Rules.ToDictionary(r => r.Id, r => r.Justification, StringComparer.Ordinal);
                }
            }
            catch (Exception ex) when (ex is MappingLoadException or IOException)
            {
                // A version that cannot be read is not the one a run used: runs start only from versions that load.
            }
        }

        return null;
    }
}
