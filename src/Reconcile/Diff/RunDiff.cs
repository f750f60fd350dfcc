using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Diff;

/// <summary>
/// Two runs of the same entity and year compared: per target account what changed in euros (B − A), the euros left
/// unmapped in each run and per legacy account and article those that became mapped or unmapped (euros that reach no
/// target account are invisible per target account), and why it may have changed: a different mapping version or hash,
/// and source files whose SHA-256 differ.
/// </summary>
public sealed record RunDiff(
    RunSummary A,
    RunSummary B,
    IReadOnlyList<TargetAccountChange> Accounts,
    bool MappingChanged,
    IReadOnlyList<SourceFileChange> Files)
{
    /// <summary>The lines each run left unmapped, in total.</summary>
    public UnmappedTotals UnmappedA { get; init; }

    public UnmappedTotals UnmappedB { get; init; }

    /// <summary>The legacy accounts and articles whose unmapped lines differ between the runs, by account then article.</summary>
    public IReadOnlyList<UnmappedChange> Unmapped { get; init; } = [];

    public IEnumerable<TargetAccountChange> Changed => Accounts.Where(a => a.DebitChange != 0m || a.CreditChange != 0m);

    /// <summary>Anything staged or left unmapped differs.</summary>
    public bool AnyChange => Changed.Any() || Unmapped.Count > 0;

    public IEnumerable<SourceFileChange> ChangedFiles
        => Files.Where(f => !string.Equals(f.Sha256A, f.Sha256B, StringComparison.OrdinalIgnoreCase));
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
