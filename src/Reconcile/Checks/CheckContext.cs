using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// What every check reads: the staging snapshot, the source ledger, and the hashes of the source files when the export
/// folder was given. Checks add their results here, in spec order.
/// </summary>
internal sealed class CheckContext(StagingSnapshot snapshot, SourceLedger ledger, IReadOnlyDictionary<string, string>? sourceHashes)
{
    public StagingSnapshot Snapshot { get; } = snapshot;

    public SourceLedger Ledger { get; } = ledger;

    /// <summary>SHA-256 of each file of the export folder, by file name; null when no folder was given.</summary>
    public IReadOnlyDictionary<string, string>? SourceHashes { get; } = sourceHashes;

    public List<CheckResult> Checks { get; } = [];

    /// <summary>The files that hold ledger lines: those with staged or unmapped rows, and the ledger read from the export.</summary>
    public IReadOnlySet<string> LedgerFiles { get; } = snapshot.StagedSource.Select(s => s.File)
        .Concat(snapshot.Unmapped.Select(u => u.File))
        .Append(ledger.Origin)
        .Where(f => f != SourceLedger.FromStaging)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Rejected records of the ledger files: rejected lines explain a missing amount, never hide it.</summary>
    public long LedgerRejects
        => Snapshot.Rejected.Where(r => LedgerFiles.Contains(r.File)).Select(r => (r.File, r.Line)).Distinct().LongCount();

    public bool HasExceptions => Snapshot.Unmapped.Count > 0 || LedgerRejects > 0;

    public void Add(CheckResult check) => Checks.Add(check);
}
