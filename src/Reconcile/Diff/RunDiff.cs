using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Diff;

/// <summary>
/// Two runs of the same entity and year compared: per target account what changed in euros (B − A), and why it may
/// have changed: a different mapping version or hash, and source files whose SHA-256 differ.
/// </summary>
public sealed record RunDiff(
    RunSummary A,
    RunSummary B,
    IReadOnlyList<TargetAccountChange> Accounts,
    bool MappingChanged,
    IReadOnlyList<SourceFileChange> Files)
{
    public IEnumerable<TargetAccountChange> Changed => Accounts.Where(a => a.DebitChange != 0m || a.CreditChange != 0m);

    public IEnumerable<SourceFileChange> ChangedFiles => Files.Where(f => !string.Equals(f.Sha256A, f.Sha256B, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One target account's staged totals in both runs.</summary>
public sealed record TargetAccountChange(string Account, decimal DebitA, decimal CreditA, decimal DebitB, decimal CreditB)
{
    public decimal DebitChange => DebitB - DebitA;

    public decimal CreditChange => CreditB - CreditA;

    public decimal NetChange => DebitChange - CreditChange;
}

/// <summary>A source file's hash in each run; null where the run did not record that file.</summary>
public sealed record SourceFileChange(string Name, string? Sha256A, string? Sha256B);
