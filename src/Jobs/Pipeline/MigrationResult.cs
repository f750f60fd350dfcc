using Bascule.Load.Reconciliation;
using Bascule.Load.Runs;

namespace Bascule.Jobs.Pipeline;

/// <summary>A run that completed and was published, with its reconciliation and where it was written.</summary>
public sealed record MigrationResult(RunId RunId, string Fingerprint, ReconciliationReport Reconciliation, string ReconciliationPath, long RowsWritten, int Retries);
