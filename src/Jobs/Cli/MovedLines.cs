using Bascule.Extract.Values;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The ledger lines <c>mapping diff</c> weighed a change on: an export folder (<c>--export</c>) or the lines a run
/// staged (<c>--run</c>); exactly one of <paramref name="ExportFolder"/> and <paramref name="RunId"/> is set.
/// </summary>
public sealed record MovedLines(string? ExportFolder, string? RunId, EntityType EntityType, FiscalYear Year)
{
    public static MovedLines Export(string folder, EntityType entityType, FiscalYear year) => new(folder, null, entityType, year);

    public static MovedLines Run(string runId, EntityType entityType, FiscalYear year) => new(null, runId, entityType, year);

    /// <summary>How the text report names them: the folder as given, or <c>run RUN_ID</c>.</summary>
    public string Name => ExportFolder ?? $"run {RunId}";
}
