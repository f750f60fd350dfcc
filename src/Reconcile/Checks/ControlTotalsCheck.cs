using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Checks;

/// <summary>
/// Check 2: per file, the debit and credit read against the control file's totals. A disagreement is FAILED (the
/// legacy format says so), shown next to the file's rejected lines, which may explain it.
/// </summary>
internal static class ControlTotalsCheck
{
    public static void Run(CheckContext context, IReadOnlyList<SourceFileResult> files)
    {
        foreach (var file in files)
        {
            if (file.ControlDebit is { } debit)
            {
                context.Add(CheckResult.Compare(
                    CheckId.ControlTotals,
                    $"controlTotals:{file.Name}:debit",
                    debit.Value,
                    file.Amounts?.Debit ?? 0m,
                    Verdict.Failed,
                    topic: new(TopicKind.FileControlTotal) { File = file.Name, Side = BookSide.Debit }));
            }

            if (file.ControlCredit is { } credit)
            {
                context.Add(CheckResult.Compare(
                    CheckId.ControlTotals,
                    $"controlTotals:{file.Name}:credit",
                    credit.Value,
                    file.Amounts?.Credit ?? 0m,
                    Verdict.Failed,
                    topic: new(TopicKind.FileControlTotal) { File = file.Name, Side = BookSide.Credit }));
            }
        }
    }
}
