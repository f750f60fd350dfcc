namespace Bascule.Load.Runs;

/// <summary>One run as listed by <c>bascule runs</c>; <paramref name="Job"/> is the Hangfire job that started it, if any.</summary>
public sealed record RunInfo(
    RunId Id,
    string EntityName,
    string EntityType,
    string InsCode,
    int FiscalYear,
    RunStatus Status,
    string MappingId,
    string MappingVersion,
    string MappingSha256,
    string? Fingerprint,
    DateTime StartedUtc,
    DateTime? FinishedUtc,
    string StartedBy,
    string ToolVersion,
    string? FailureMessage,
    string? Job);
