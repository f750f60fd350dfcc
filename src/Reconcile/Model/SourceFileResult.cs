using Bascule.Extract.Values;

namespace Bascule.Reconcile.Model;

/// <summary>
/// One source file: its hash, the records read, where each ended (staged, unmapped, rejected), what the control file
/// announced, and the debit and credit of its accepted records (null for files without amounts).
/// </summary>
public sealed record SourceFileResult(
    string Name,
    string Sha256,
    long Lines,
    long Staged,
    long Unmapped,
    long Rejected,
    DebitCredit? Amounts,
    long? ControlLines,
    Amount? ControlDebit,
    Amount? ControlCredit)
{
    public long Accounted => Staged + Unmapped + Rejected;
}
