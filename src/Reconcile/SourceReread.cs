using Bascule.Extract;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile;

/// <summary>
/// The source side of a reconciliation being read from an export folder (see <see cref="Reconciler.StartSourceReread"/>):
/// its ledger aggregated and its files hashed, independently of the staging database.
/// </summary>
public sealed class SourceReread
{
    internal SourceReread(string folder, Task<SourceSide> reading)
    {
        Folder = folder;
        Reading = reading;
    }

    /// <summary>The export folder being re-read.</summary>
    public string Folder { get; }

    internal Task<SourceSide> Reading { get; }

    /// <summary>
    /// Waits until the re-read has ended, whatever its outcome, and observes its fault: for a run that stops before its
    /// reconciliation (cancel the token given to <see cref="Reconciler.StartSourceReread"/> first, to end it early).
    /// </summary>
    public Task SettleAsync() =>
        Reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}

/// <summary>What the re-read found: the export it opened, its ledger aggregated, and the SHA-256 of its data files by name.</summary>
internal sealed record SourceSide(LegacyExport Export, SourceLedger Ledger, IReadOnlyDictionary<string, string> Hashes);
