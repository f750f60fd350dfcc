using System.Collections.Concurrent;
using Bascule.Reconcile.Mappings;
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

    private static Dictionary<string, string>? Read(string root, MappingIdentity mapping) =>
        RunMappingFolder.Find(root, mapping.Id, mapping.Version, mapping.Sha256).Version?.Rules
            .ToDictionary(r => r.Id, r => r.Justification, StringComparer.Ordinal);
}
