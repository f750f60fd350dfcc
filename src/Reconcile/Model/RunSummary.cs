namespace Bascule.Reconcile.Model;

/// <summary>The run a reconciliation is about, as its <c>runs</c> row records it.</summary>
public sealed record RunSummary(
    string RunId,
    string Entity,
    string EntityType,
    string InsCode,
    int FiscalYear,
    string RunStatus,
    MappingReference Mapping,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? Fingerprint);

/// <summary>The exact mapping version a run used.</summary>
public sealed record MappingReference(string Id, string Version, string Sha256);
