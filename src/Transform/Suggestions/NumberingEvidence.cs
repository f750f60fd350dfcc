using Bascule.Transform.Charts;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Numbering: the new plan keeps the classes of the legacy general accounts, and the economic codes of both follow
/// the ESA classification (first digit current/capital/debt, second expenditure/revenue), so a chart code that starts
/// with the legacy code's digits is a likely target. Points in proportion to the leading digits shared: a weak prior
/// next to labels and rules, but it tells apart candidates that the other evidence leaves equal.
/// </summary>
internal static class NumberingEvidence
{
    public static void AddAccounts(ScoreSheet accounts, string account, TargetChart chart, decimal weight)
    {
        foreach (var entry in chart.Entries(ChartKind.Account).Where(e => e.Active))
        {
            var shared = CommonPrefix.Length(account, entry.Code);
            if (shared > 0)
            {
                accounts.Add(entry.Code, new Reason(ReasonKind.Numbering, Math.Round(weight * shared / entry.Code.Length, 2),
                    Invariant($"numbered like {account}: {shared} of {entry.Code.Length} leading digits")));
            }
        }
    }

    public static void AddEconomics(ScoreSheet economics, string economic, TargetChart chart, decimal weight)
    {
        foreach (var entry in chart.Entries(ChartKind.Economic).Where(e => e.Active))
        {
            var shared = CommonPrefix.Length(economic, entry.Code.Replace(".", "", StringComparison.Ordinal));
            if (shared > 0)
            {
                economics.Add(entry.Code, new Reason(ReasonKind.Numbering, Math.Round(weight * shared / economic.Length, 2),
                    Invariant($"numbered like economic code {economic}: {shared} of its {economic.Length} digits lead {entry.Code}")));
            }
        }
    }
}
