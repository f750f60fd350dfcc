using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 9: the exceptions for action. Unmapped lines (per account and article, with their amounts) and rejected lines
/// (file, line, reason) are WARNINGs: nothing vanished, but someone must act on them before sign-off. Unbalanced
/// documents are listed too; their status is check 4's.
/// </summary>
internal static class ExceptionsCheck
{
    public const int Number = 9;

    public static IReadOnlyList<UnmappedRow> Run(CheckContext context)
    {
        var unmapped = context.Snapshot.Unmapped
            .GroupBy(u => (u.Key.Account, u.Key.Article))
            .Select(g => new UnmappedRow(g.Key.Account, g.Key.Article, g.Sum(u => u.Count), g.Sum(u => u.Sides.Debit), g.Sum(u => u.Sides.Credit)))
            .OrderBy(u => u.Account, StringComparer.Ordinal).ThenBy(u => u.Article, StringComparer.Ordinal)
            .ToList();
        context.Add(CheckResult.Compare(Number, "exceptions:unmappedLines", 0, unmapped.Sum(u => u.Count), Verdict.Warning, Units.Lines));
        context.Add(CheckResult.Compare(Number, "exceptions:unmappedDebit", 0, unmapped.Sum(u => u.Debit), Verdict.Warning));
        context.Add(CheckResult.Compare(Number, "exceptions:unmappedCredit", 0, unmapped.Sum(u => u.Credit), Verdict.Warning));
        var rejected = context.Snapshot.Rejected.Select(r => (r.File, r.Line)).Distinct().LongCount();
        context.Add(CheckResult.Compare(Number, "exceptions:rejectedLines", 0, rejected, Verdict.Warning, Units.Lines));
        return unmapped;
    }
}
