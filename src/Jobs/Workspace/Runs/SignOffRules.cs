using Bascule.Load.Runs;

namespace Bascule.Jobs.Workspace.Runs;

/// <summary>What the page knows of a run's sign-off before the store checks it again when writing it.</summary>
public static class SignOffRules
{
    /// <summary>The reconciliation status a sign-off of the run records: runs held before it was recorded were all FAILED.</summary>
    public static string? Reconciliation(RunInfo run) =>
        run?.ReconciliationStatus ?? (run?.Status == RunStatus.Held ? "FAILED" : null);

    /// <summary>A comment is required unless the reconciliation is OK (the spec: a WARNING or FAILED check is explained).</summary>
    public static bool NeedsComment(RunInfo run) => Reconciliation(run) is not "OK";
}
