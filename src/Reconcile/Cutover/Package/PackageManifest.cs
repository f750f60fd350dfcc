using Bascule.Reconcile.Cutover.Model;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>
/// <c>manifest.json</c>: where the package comes from (run id and fingerprint, mapping id, version and SHA-256), its date,
/// its closing rule, and every file with its SHA-256 (data files also with record count and amount totals).
/// </summary>
public sealed class PackageManifest(CutoverResult result, IReadOnlyList<PackageFile> files)
{
    public const string Format = "bascule-cutover/1";

    public CutoverResult Result { get; } = result;

    public IReadOnlyList<PackageFile> Files { get; } = files;

    public string ToJson() => ReportJson.Serialize(PackageManifestDocument.From(this));
}
