namespace Bascule.Jobs.Cli.Json;

/// <summary>
/// The mapping version a run used, or one side of a mapping diff: id, version and the SHA-256 of its content; for a run,
/// its approval when the run started (null: not approved, or not applicable).
/// </summary>
public sealed record MappingJson(string Id, string Version, string Sha256, ApprovalJson? Approval = null);

/// <summary>Who approved a mapping version (name and role) and on which date (yyyy-MM-dd).</summary>
public sealed record ApprovalJson(string By, string On);
