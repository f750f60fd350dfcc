using System.Text.Json.Serialization;

namespace Bascule.Reconcile.Evidence;

/// <summary>
/// <c>evidence.json</c> at the root of an evidence pack: the entity and year, every run of it with its record and its
/// fingerprint recomputed when the pack was made, the mapping versions they used, and the sign-offs.
/// </summary>
public sealed record EvidenceDocument(
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    DateTime GeneratedUtc,
    string GeneratedBy,
    string? PublishedRun,
    IReadOnlyList<EvidenceRun> Runs,
    IReadOnlyList<EvidenceMapping> Mappings,
    IReadOnlyList<EvidenceSignOff> SignOffs);

/// <summary>
/// A run's record. <paramref name="Reports"/> is its folder in the pack (null when none could be included, e.g. a
/// failed run, or a pruned one whose reports were not kept); <paramref name="ReportsRegenerated"/> says whether they
/// were recomputed from the staging database because no written copy was found.
/// </summary>
public sealed record EvidenceRun(
    string RunId,
    string Status,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? Job,
    EvidenceMappingReference Mapping,
    string? ReconciliationStatus,
    EvidenceFingerprint? Fingerprint,
    EvidencePublication? PublishedOverReconciliation,
    DateTime? PrunedUtc,
    string? FailureMessage,
    string? Reports,
    bool ReportsRegenerated);

public sealed record EvidenceMappingReference(string Id, string Version, string Sha256, string? ApprovedBy, DateOnly? ApprovedOn);

/// <summary>The fingerprint the run recorded, the one its rows give now (null once pruned) and whether they agree.</summary>
public sealed record EvidenceFingerprint(string Recorded, string? Recomputed, bool? Matches);

public sealed record EvidencePublication(string By, DateTime Utc, string Reason);

/// <summary>A mapping version used by a run, with its files in the pack.</summary>
public sealed record EvidenceMapping(
    string Id,
    string Version,
    string Sha256,
    string? ApprovedBy,
    DateOnly? ApprovedOn,
    IReadOnlyList<string> Files);

/// <summary>
/// A sign-off as recorded; <paramref name="ReportInPack"/> is the path of the file in the pack whose SHA-256 is the one
/// signed, or null when that exact file is not in it (the report was regenerated since).
/// </summary>
public sealed record EvidenceSignOff(
    long Id,
    string RunId,
    DateTime SignedUtc,
    string Signer,
    string Role,
    string AuthenticatedBy,
    string Fingerprint,
    string ReportName,
    string ReportSha256,
    string Reconciliation,
    string Decision,
    string? Comment,
    string? ReportInPack);

[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(EvidenceDocument))]
internal sealed partial class EvidenceJsonContext : JsonSerializerContext;
