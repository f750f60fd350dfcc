using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Pipeline;

/// <summary>A run that completed and was published, with its reconciliation and the report files written.</summary>
public sealed record MigrationResult(RunId RunId, string Fingerprint, ReconciliationResult Reconciliation, ReportFiles Reports, long RowsWritten, int Retries)
{
    public string ReconciliationPath => Reports.Json;
}
