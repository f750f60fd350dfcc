using Bascule.Transform.Charts;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Label similarity: how alike a chart label (French or Dutch) and one legacy label are, as the Dice coefficient of
/// their words (twice the shared words over the words of both), the best pair counting. Symmetric on purpose: a
/// one-word chart label ("Redevances") found in a long legacy label ("Produits de prestations et redevances") is a
/// partial match, not a perfect one, while "Fournisseurs" for "Fournisseurs" is.
/// </summary>
internal sealed class LabelEvidence(TargetChart chart)
{
    private readonly Dictionary<ChartKind, List<ChartLabel>> _labels =
        Enum.GetValues<ChartKind>()
            .ToDictionary(kind => kind, kind => chart.Entries(kind).Where(e => e.Active).Select(ChartLabel.Of).ToList());

    public void Add(ScoreSheet sheet, ChartKind kind, IReadOnlyList<LegacyLabel> legacy, decimal weight)
    {
        foreach (var label in _labels[kind])
        {
            var best = legacy
                .SelectMany(l => label.Languages.Select(chart => (Legacy: l, Chart: chart.Text, Shared: chart.Words.Count(l.Words.Contains),
                    Dice: Dice(chart.Words, l.Words))))
                .Where(m => m.Shared > 0)
                .OrderByDescending(m => m.Dice)
                .FirstOrDefault();
            if (best.Legacy is null)
            {
                continue;
            }

            sheet.Add(label.Code, new Reason(ReasonKind.Label, Math.Round(weight * best.Dice, 2),
                Invariant($"label \"{best.Chart}\" and {best.Legacy.Source} \"{best.Legacy.Text}\" share {best.Shared} ")
                    + Invariant($"word{(best.Shared == 1 ? "" : "s")}")));
        }
    }

    public static decimal Dice(IReadOnlySet<string> a, IReadOnlySet<string> b) =>
        a.Count + b.Count == 0 ? 0m : 2m * a.Count(b.Contains) / (a.Count + b.Count);
}
