using Bascule.Load.Runs;
using Bascule.Reconcile.DrillDown;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Reports;

namespace Bascule.Jobs.Workspace.Runs;

/// <summary>
/// Where each figure of a run's page leads: the drill-down list of the lines behind it (<c>/runs/{run}/lines?…</c>). A
/// journal or a document is named by the report as <c>year/journal[/document]</c>; the unmapped euros of a legacy
/// account lead to that account's lines (staged and unmapped); a check leads to the lines behind its difference when
/// they form one list, and to nothing when its comparisons have none (the totals of the new accounts, the budget: their
/// per-account and per-article tables are the drill-down).
/// </summary>
public static class RunLinks
{
    public static ReportLinks For(RunId run, ReconciliationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var lines = $"/runs/{Uri.EscapeDataString(run.Value)}/lines";
        string To(string query) => $"{lines}?{query}";
        string Value(string name, string value) => $"{name}={Uri.EscapeDataString(value)}";
        return figure => figure.Kind switch
        {
            FigureKind.LegacyAccount => To(Value("legacy", figure.Key)),
            FigureKind.NewAccount => To(Value("target", figure.Key)),
            FigureKind.BudgetArticle => To(Value("article", figure.Key)),
            FigureKind.Journal when figure.Key.Split('/') is [.., var journal] => To(Value("journal", journal)),
            FigureKind.Document when figure.Key
                .Split('/') is [.., var journal, var document] => To($"{Value("journal", journal)}&{Value("document", document)}"),
            FigureKind.Unmapped when figure.Key.Length > 0 => To(Value("legacy", figure.Key)),
            FigureKind.Unmapped => To("unmapped"),
            FigureKind.Rejected => To("rejected"),
            FigureKind.MappingRule => To(Value("rule", figure.Key)),
            FigureKind.CheckDifferences when CheckList(result, figure.Key) is { } check => To(Value("check", check)),
            _ => null,
        };
    }

    // The technical name of a comparison whose lines explain the check's difference, when its differing comparisons
    // lead to one list; a key that is no check number is taken as that name.
    private static string? CheckList(ReconciliationResult result, string key)
    {
        if (!int.TryParse(key, out var number))
        {
            return CheckLines.Of(key) is null ? null : key;
        }

        var lists = result.Checks
            .Where(c => c.Number == number && c.Status != Verdict.Ok && CheckLines.Of(c.Name) is not null)
            .GroupBy(c => CheckLines.Of(c.Name))
            .ToList();
        return lists is [var one] ? one.First().Name : null;
    }
}
