using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 9: the exceptions for action. Unmapped lines (per account and article, with their amounts) and rejected lines
/// (file, line, reason) are WARNINGs: nothing vanished, but someone must act on them before sign-off; beyond the
/// tolerance the run was started with (if any) they are FAILED, and the run is held. Unbalanced documents are listed
/// too; their status is check 4's.
/// </summary>
internal static class ExceptionsCheck
{
    public static IReadOnlyList<UnmappedRow> Run(CheckContext context)
    {
        var unmapped = context.Snapshot.Unmapped
            .GroupBy(u => (u.Key.Account, u.Key.Article))
            .Select(g => new UnmappedRow(g.Key.Account, g.Key.Article, g.Sum(u => u.Count), DebitCredit.Sum(g.Select(u => u.Amounts))))
            .OrderBy(u => u.Account, StringComparer.Ordinal).ThenBy(u => u.Article, StringComparer.Ordinal)
            .ToList();
        var tolerances = context.Snapshot.Run.Tolerances;
        context.Add(CheckResult.Tolerated(
            CheckId.Exceptions,
            "exceptions:unmappedLines",
            unmapped.Sum(u => u.Count),
            tolerances.UnmappedLines,
            Units.Lines,
            new(TopicKind.UnmappedLines)));
        context.Add(CheckResult.Tolerated(
            CheckId.Exceptions,
            "exceptions:unmappedDebit",
            unmapped.Sum(u => u.Amounts.Debit),
            tolerances.UnmappedEuros,
            topic: new(TopicKind.UnmappedAmount) { Side = BookSide.Debit }));
        context.Add(CheckResult.Tolerated(
            CheckId.Exceptions,
            "exceptions:unmappedCredit",
            unmapped.Sum(u => u.Amounts.Credit),
            tolerances.UnmappedEuros,
            topic: new(TopicKind.UnmappedAmount) { Side = BookSide.Credit }));
        var rejected = context.Snapshot.Rejected.Select(r => (r.File, r.Line)).Distinct().LongCount();
        context.Add(CheckResult.Tolerated(
            CheckId.Exceptions,
            "exceptions:rejectedLines",
            rejected,
            tolerances.RejectedLines,
            Units.Lines,
            new(TopicKind.RejectedLines)));
        return unmapped;
    }
}
