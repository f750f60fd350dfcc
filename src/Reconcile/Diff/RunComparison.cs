using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Diff;

/// <summary>Compares two runs from the staging database, so IT staff can tell what a dress rehearsal changed and why.</summary>
public static class RunComparison
{
    private const string TargetAccounts =
        "SELECT target_account AS TargetAccount, SUM(debit) AS Debit, SUM(credit) AS Credit FROM staged_lines WHERE run_id = @run GROUP "
            + "BY target_account";

    private const string UnmappedLines =
        """
        SELECT account AS Account, article AS Article, COUNT(*) AS Records, SUM(debit) AS Debit, SUM(credit) AS Credit
        FROM unmapped_lines WHERE run_id = @run GROUP BY account, article
        """;

    public static async Task<RunDiff> ComputeAsync(IStagingProvider provider, RunId runA, RunId runB, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var a = await ReadAsync(provider, runA, cancellationToken);
        var b = await ReadAsync(provider, runB, cancellationToken);
        if (a.Run.InsCode != b.Run.InsCode || a.Run.EntityType != b.Run.EntityType || a.Run.FiscalYear != b.Run.FiscalYear)
        {
            throw new ReconcileException(
                $"Run {runA} is {a.Run.Entity} ({a.Run.EntityType} {a.Run.InsCode}) {a.Run.FiscalYear} but run {runB} is {b.Run.Entity} "
                    + $"({b.Run.EntityType} {b.Run.InsCode}) {b.Run.FiscalYear}: " +
                "compare two runs of the same entity and fiscal year (see `bascule runs`).");
        }

        var accounts = a.Accounts.Keys.Union(b.Accounts.Keys).Order(StringComparer.Ordinal)
            .Select(account =>
            {
                var (x, y) = (a.Accounts.GetValueOrDefault(account), b.Accounts.GetValueOrDefault(account));
                return new TargetAccountChange(account, x.Debit, x.Credit, y.Debit, y.Credit);
            })
            .ToList();
        var files = a.Files.Keys.Union(b.Files.Keys).Order(StringComparer.Ordinal)
            .Select(name => new SourceFileChange(name, a.Files.GetValueOrDefault(name), b.Files.GetValueOrDefault(name)))
            .ToList();
        var unmapped = a.Unmapped.Keys.Union(b.Unmapped.Keys)
            .Select(
                key => new UnmappedChange(key.Account, key.Article, a.Unmapped.GetValueOrDefault(key), b.Unmapped.GetValueOrDefault(key)))
            .Where(u => u.A != u.B)
            .OrderBy(u => u.Account, StringComparer.Ordinal)
            .ThenBy(u => u.Article, StringComparer.Ordinal)
            .ToList();
        return new RunDiff(a.Run, b.Run, accounts, a.Run.Mapping != b.Run.Mapping || a.Run.MappingApproval != b.Run.MappingApproval, files)
        {
            UnmappedA = a.Unmapped.Values.Aggregate(default(UnmappedTotals), (sum, u) => sum + u),
            UnmappedB = b.Unmapped.Values.Aggregate(default(UnmappedTotals), (sum, u) => sum + u),
            Unmapped = unmapped,
        };
    }

    private static async Task<(RunSummary Run, Dictionary<string, DebitCredit> Accounts, Dictionary<string, string> Files,
        Dictionary<(string Account, string? Article), UnmappedTotals> Unmapped)> ReadAsync(
        IStagingProvider provider, RunId runId, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        var run = await StagingSnapshot.ReadRunAsync(db, cancellationToken)
            ?? throw new ReconcileException($"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule "
                + $"runs` and give one of their ids.");
        var accounts = (await db.RowsAsync<AccountRow>(TargetAccounts, cancellationToken))
            .ToDictionary(x => x.TargetAccount, x => new DebitCredit(x.Debit.Value, x.Credit.Value), StringComparer.Ordinal);
        var files = (await db.RowsAsync<Queries.FileRow>(Queries.Files, cancellationToken))
            .ToDictionary(x => x.SourceFile, x => x.Sha256, StringComparer.Ordinal);
        var unmapped = (await db.RowsAsync<UnmappedRow>(UnmappedLines, cancellationToken))
            .ToDictionary(
                x => (x.Account, Article: x.Article is { Length: > 0 } article ? article : null),
                x => new UnmappedTotals(x.Records, x.Debit.Value, x.Credit.Value));
        return (run, accounts, files, unmapped);
    }

    private sealed class AccountRow
    {
        public string TargetAccount { get; init; } = "";

        public Amount Debit { get; init; }

        public Amount Credit { get; init; }
    }

    private sealed class UnmappedRow
    {
        public string Account { get; init; } = "";

        public string? Article { get; init; }

        public long Records { get; init; }

        public Amount Debit { get; init; }

        public Amount Credit { get; init; }
    }
}
