using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using static Bascule.Load.Reconciliation.ReconciliationQueries;

namespace Bascule.Load.Reconciliation;

/// <summary>
/// Computes a run's reconciliation from what the staging database holds (queries by run id, so it works before and
/// after publishing) and the control file's counts and totals recorded in <c>run_files</c>.
/// </summary>
public static class RunReconciliation
{
    public static async Task<ReconciliationReport> ComputeAsync(IStagingProvider provider, RunId run, RunHeader header, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenAsync(cancellationToken);
        var query = new StagingQuery(provider, connection, run);
        var files = await FilesAsync(query, cancellationToken);
        var staged = await query.SingleAsync(StagedTotals, r => (SourceDebit: r.Amount(0), SourceCredit: r.Amount(1), Debit: r.Amount(2), Credit: r.Amount(3)), cancellationToken);
        var unmapped = await query.SingleAsync(UnmappedTotals, r => (Count: r.Count(0), Debit: r.Amount(1), Credit: r.Amount(2)), cancellationToken);
        var rejected = files.Sum(f => f.Rejected);

        var checks = new List<ReconciliationCheck>();
        foreach (var file in files)
        {
            checks.AddRange(FileChecks(file));
        }

        checks.Add(Compare("amounts:debit", staged.SourceDebit, staged.Debit));
        checks.Add(Compare("amounts:credit", staged.SourceCredit, staged.Credit));
        foreach (var journal in (await query.RowsAsync(PerJournal, r => (Journal: r.Text(0), SourceDebit: r.Amount(1), SourceCredit: r.Amount(2), Debit: r.Amount(3), Credit: r.Amount(4)), cancellationToken))
            .OrderBy(j => j.Journal, StringComparer.Ordinal))
        {
            checks.Add(Compare($"amounts:{header.FiscalYear}:{journal.Journal}:debit", journal.SourceDebit, journal.Debit));
            checks.Add(Compare($"amounts:{header.FiscalYear}:{journal.Journal}:credit", journal.SourceCredit, journal.Credit));
        }

        var accounts = await query.RowsAsync(PerLegacyAccount, r => (r.Amount(1) - r.Amount(3)).Value != 0m || (r.Amount(2) - r.Amount(4)).Value != 0m, cancellationToken);
        checks.Add(Count("legacyAccounts:unreconciled", 0, accounts.Count(differs => differs), CheckStatus.Failed, "accounts"));
        checks.Add(Balance("balance:staged", staged.Debit, staged.Credit, unmapped.Count + rejected > 0));
        checks.Add(Count("balance:unbalancedDocuments", 0, await query.SingleAsync(UnbalancedDocuments, r => r.Count(0), cancellationToken), unmapped.Count + rejected > 0 ? CheckStatus.Warning : CheckStatus.Failed, "documents"));
        checks.Add(await TrialBalance.CheckAsync(query, cancellationToken));
        checks.Add(Count("exceptions:unmappedLines", 0, unmapped.Count, CheckStatus.Warning));
        checks.Add(Count("exceptions:rejectedLines", 0, rejected, CheckStatus.Warning));

        var targets = (await query.RowsAsync(TargetAccounts, r => new TargetAccountTotal(r.Text(0), Money(r.Amount(1)), Money(r.Amount(2))), cancellationToken))
            .OrderBy(t => t.Account, StringComparer.Ordinal)
            .ToList();
        return new ReconciliationReport(
            run.Value,
            header.EntityName,
            header.EntityType.ToCode(),
            header.InsCode,
            header.FiscalYear.Value,
            new MappingReference(header.Mapping.Id, header.Mapping.Version, header.Mapping.Sha256),
            files.Select(f => new SourceFileReport(f.Name, f.Sha256, f.LinesRead, f.Staged, f.Unmapped, f.Rejected, Optional(f.Debit), Optional(f.Credit))).ToList(),
            new ReconciliationTotals(
                Money(staged.SourceDebit + unmapped.Debit),
                Money(staged.SourceCredit + unmapped.Credit),
                Money(staged.Debit),
                Money(staged.Credit),
                Money(unmapped.Debit),
                Money(unmapped.Credit),
                null,
                null),
            targets,
            checks,
            checks.Select(c => c.Status).DefaultIfEmpty(CheckStatus.Ok).Max());
    }

    private static async Task<List<FileCounts>> FilesAsync(StagingQuery query, CancellationToken cancellationToken)
    {
        var staged = (await query.RowsAsync(StagedPerFile, r => (File: r.Text(0), Count: r.Count(1), Debit: r.Amount(2), Credit: r.Amount(3)), cancellationToken)).ToDictionary(x => x.File);
        var unmapped = (await query.RowsAsync(UnmappedPerFile, r => (File: r.Text(0), Count: r.Count(1), Debit: r.Amount(2), Credit: r.Amount(3)), cancellationToken)).ToDictionary(x => x.File);
        var rejected = (await query.RowsAsync(RejectedPerFile, r => (File: r.Text(0), Count: r.Count(1)), cancellationToken)).ToDictionary(x => x.File, x => x.Count);
        var asRead = (await query.RowsAsync(AsReadPerFile, r => (File: r.Text(0), Count: r.Count(1), Debit: r.OptionalAmount(2), Credit: r.OptionalAmount(3)), cancellationToken)).ToDictionary(x => x.File);
        var files = await query.RowsAsync(
            Files,
            r => (Name: r.Text(0), Sha256: r.Text(1), LinesRead: r.Count(2), ControlLines: r.OptionalCount(3), ControlDebit: r.OptionalAmount(4), ControlCredit: r.OptionalAmount(5)),
            cancellationToken);
        return files.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f =>
        {
            var isLedger = staged.ContainsKey(f.Name) || unmapped.ContainsKey(f.Name);
            var s = staged.GetValueOrDefault(f.Name);
            var u = unmapped.GetValueOrDefault(f.Name);
            var a = asRead.GetValueOrDefault(f.Name);
            return new FileCounts(
                f.Name,
                f.Sha256,
                f.LinesRead,
                f.ControlLines,
                f.ControlDebit,
                f.ControlCredit,
                isLedger ? s.Count : a.Count,
                u.Count,
                rejected.GetValueOrDefault(f.Name),
                isLedger ? s.Debit + u.Debit : a.Debit,
                isLedger ? s.Credit + u.Credit : a.Credit);
        }).ToList();
    }

    private static IEnumerable<ReconciliationCheck> FileChecks(FileCounts file)
    {
        if (file.ControlLines is { } control)
        {
            yield return Count($"completeness:{file.Name}:control", control, file.Accounted, CheckStatus.Failed);
        }

        yield return Count($"completeness:{file.Name}:read", file.LinesRead, file.Accounted, CheckStatus.Failed);
        if (file.ControlDebit is { } debit)
        {
            yield return Compare($"controlTotals:{file.Name}:debit", debit, file.Debit ?? Amount.Zero);
        }

        if (file.ControlCredit is { } credit)
        {
            yield return Compare($"controlTotals:{file.Name}:credit", credit, file.Credit ?? Amount.Zero);
        }
    }

    internal static ReconciliationCheck Compare(string name, Amount expected, Amount found)
    {
        var difference = found - expected;
        return new ReconciliationCheck(name, difference.Value == 0m ? CheckStatus.Ok : CheckStatus.Failed, Money(expected), Money(found), Money(difference), "EUR");
    }

    // Unmapped or rejected lines leave documents short of one side: then an imbalance is expected and shown as a warning.
    private static ReconciliationCheck Balance(string name, Amount debit, Amount credit, bool exceptionsExist)
    {
        var check = Compare(name, debit, credit);
        return check.Status == CheckStatus.Failed && exceptionsExist ? check with { Status = CheckStatus.Warning } : check;
    }

    internal static ReconciliationCheck Count(string name, long expected, long found, CheckStatus whenDifferent, string unit = "lines") =>
        new(name, expected == found ? CheckStatus.Ok : whenDifferent, expected, found, found - expected, unit);

    private static decimal? Optional(Amount? amount) => amount is { } a ? Money(a) : null;
}
