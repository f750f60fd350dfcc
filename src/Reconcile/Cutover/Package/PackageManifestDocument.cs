using System.Text.Json.Serialization;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports.Json;

namespace Bascule.Reconcile.Cutover.Package;

/// <summary>The document of <c>manifest.json</c> (see <see cref="PackageManifest"/>).</summary>
public sealed record PackageManifestDocument(
    string Format,
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string AsOf,
    ManifestRunDocument Run,
    MappingDocument Mapping,
    ClosingRuleDocument ClosingRule,
    string ReconciliationStatus,
    IReadOnlyList<ManifestFileDocument> Files,
    DateTime CreatedUtc)
{
    public static PackageManifestDocument From(PackageManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var result = manifest.Result;
        var run = result.Run;
        return new(
            PackageManifest.Format,
            run.RunId.Value,
            run.Entity,
            run.EntityType,
            run.InsCode,
            run.FiscalYear.Value,
            CutoverPackage.Day(result.AsOf),
            new ManifestRunDocument(run.RunStatus.ToCode(), run.Fingerprint),
            MappingDocument.From(run.Mapping, run.MappingApproval),
            new ClosingRuleDocument(result.ResultAccount, result.ClosedResult, result.OffBalanceExcluded),
            result.Status.ToCode(),
            manifest.Files.Select(f => new ManifestFileDocument(f.Name, f.Sha256, f.Rows, f.Rows is null ? null : f.Totals)).ToList(),
            result.ComputedUtc);
    }
}

public sealed record ManifestRunDocument(string Status, string? Fingerprint);

public sealed record ClosingRuleDocument(string ResultAccount, decimal ClosedResult, decimal OffBalanceExcluded);

/// <summary>A file of the package: its SHA-256 and, for the data files only, its rows and the totals of its amount columns.</summary>
public sealed record ManifestFileDocument(
    string Name,
    string Sha256,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Rows,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, decimal>? Totals);
