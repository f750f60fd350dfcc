using Bascule.Load.Providers;
using Bascule.Transform.Mapping;
using Dapper;

namespace Bascule.Load.Runs;

/// <summary>Lists the runs of a staging database, newest first.</summary>
public static class RunList
{
    // Every column a RunInfo needs; ordered or narrowed to one run by its callers.
    private const string Select =
        """
        SELECT run_id AS RunId, entity_name AS EntityName, entity_type AS EntityType, ins_code AS InsCode, fiscal_year AS FiscalYear,
               status AS Status, mapping_id AS MappingId, mapping_version AS MappingVersion, mapping_sha256 AS MappingSha256,
               fingerprint AS Fingerprint, started_utc AS StartedUtc, finished_utc AS FinishedUtc, started_by AS StartedBy,
               tool_version AS ToolVersion, failure_message AS FailureMessage, job AS Job,
               override_by AS OverrideBy, override_utc AS OverrideUtc, override_reason AS OverrideReason,
               mapping_approved_by AS ApprovedBy, mapping_approved_on AS ApprovedOn, reconciliation_status AS ReconciliationStatus,
               pruned_utc AS PrunedUtc, pruned_by AS PrunedBy
        FROM runs
        """;

    public static async Task<IReadOnlyList<RunInfo>> ReadAsync(IStagingProvider provider, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            Select + "\nORDER BY started_utc DESC, run_id DESC",
            cancellationToken: cancellationToken));
        return rows.Select(Info).ToList();
    }

    /// <summary>One run, read alone (a page about one run need not read them all); null when the database has none of that id.</summary>
    public static async Task<RunInfo?> FindAsync(IStagingProvider provider, RunId run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            Select + "\nWHERE run_id = @run",
            new { run = run.Value },
            cancellationToken: cancellationToken));
        return row is null ? null : Info(row);
    }

    private static RunInfo Info(Row r) => new(
        RunId.TryParse(r.RunId, out var id) ? id : throw new FormatException($"runs.run_id '{r.RunId}' is not a run id."),
        r.EntityName,
        r.EntityType,
        r.InsCode,
        r.FiscalYear,
        RunStatuses.Parse(r.Status),
        new MappingIdentity(r.MappingId, r.MappingVersion, r.MappingSha256),
        r.Fingerprint,
        StoredTime.Utc(r.StartedUtc)!.Value,
        StoredTime.Utc(r.FinishedUtc),
        r.StartedBy,
        r.ToolVersion,
        r.FailureMessage,
        r.Job,
        r.OverrideBy is null ? null : new PublishOverride(r.OverrideBy, StoredTime.Utc(r.OverrideUtc)!.Value, r.OverrideReason ?? ""),
        r.ApprovedBy is null ? null : new MappingApproval(r.ApprovedBy, StoredDate.Parse(r.ApprovedOn)),
        r.ReconciliationStatus,
        r.PrunedBy is null ? null : new RunPruning(StoredTime.Utc(r.PrunedUtc)!.Value, r.PrunedBy));

    private sealed class Row
    {
        public string RunId { get; set; } = "";

        public string EntityName { get; set; } = "";

        public string EntityType { get; set; } = "";

        public string InsCode { get; set; } = "";

        public int FiscalYear { get; set; }

        public string Status { get; set; } = "";

        public string MappingId { get; set; } = "";

        public string MappingVersion { get; set; } = "";

        public string MappingSha256 { get; set; } = "";

        public string? Fingerprint { get; set; }

        public object? StartedUtc { get; set; }

        public object? FinishedUtc { get; set; }

        public string StartedBy { get; set; } = "";

        public string ToolVersion { get; set; } = "";

        public string? FailureMessage { get; set; }

        public string? Job { get; set; }

        public string? OverrideBy { get; set; }

        public object? OverrideUtc { get; set; }

        public string? OverrideReason { get; set; }

        public string? ApprovedBy { get; set; }

        public object? ApprovedOn { get; set; }

        public string? ReconciliationStatus { get; set; }

        public object? PrunedUtc { get; set; }

        public string? PrunedBy { get; set; }
    }
}
