using Bascule.Load;
using Bascule.Reconcile.Reports;

namespace Bascule.Pipeline;

/// <summary>
/// One migration: an export folder, a mapping version folder, and where the reconciliation goes
/// (<paramref name="OutFolder"/>; null means <c>out/runs/&lt;runId&gt;/</c> under <paramref name="OutRoot"/>), and the
/// export profile file of a delivery that differs from the spec (null: the spec's layout), the Hangfire job that
/// runs it (<paramref name="Job"/>, recorded on the run; null for <c>bascule migrate</c>), what a run cancelled
/// before it was published records as its failure message (<paramref name="CancelledMessage"/>; null: who cancelled
/// it is not known), and the governance policies (<paramref name="Policies"/>: approval required, tolerances; null: none).
/// </summary>
public sealed record MigrationRequest(
    string ExportFolder,
    string MappingFolder,
    string? OutFolder,
    string OutRoot,
    StagingOptions Staging,
    string? ProfileFile = null,
    ReportOptions? Reports = null,
    string? Job = null,
    string? CancelledMessage = null,
    PolicySet? Policies = null)
{
    public const string DefaultCancelledMessage = "Cancelled before it was published.";
}
