using Bascule.Extract.Values;

namespace Bascule.Load.Reconciliation;

/// <summary>What the staging database holds for one source file of a run.</summary>
internal sealed record FileCounts(
    string Name,
    string Sha256,
    long LinesRead,
    long? ControlLines,
    Amount? ControlDebit,
    Amount? ControlCredit,
    long Staged,
    long Unmapped,
    long Rejected,
    Amount? Debit,
    Amount? Credit)
{
    public long Accounted => Staged + Unmapped + Rejected;
}
