using Bascule.Transform.Charts;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Coherence of a pair: the new general account and the new economic code describe the same thing from two sides
/// ("Taxes locales" and "Taxes locales", "Intérêts des emprunts" and "Intérêts de la dette"), so a pair whose labels
/// agree (Dice of their words, same language) is likelier than a pair that merely puts the best of each side together.
/// This is what tells apart the accounts one legacy account is split into by article (7000000 into sales 700000 and
/// fees 700100), where the legacy account's own label and siblings cannot.
/// </summary>
internal sealed class CoherenceEvidence(TargetChart chart)
{
    private readonly Dictionary<string, ChartLabel> _accounts = Labels(chart, ChartKind.Account);
    private readonly Dictionary<string, ChartLabel> _economics = Labels(chart, ChartKind.Economic);

    public Reason? Of(string account, string economic, decimal weight)
    {
        if (!_accounts.TryGetValue(account, out var a) || !_economics.TryGetValue(economic, out var e))
        {
            return null;
        }

        var best = a.Languages.Zip(e.Languages, (x, y) => (Account: x.Text, Economic: y.Text, Dice: LabelEvidence.Dice(x.Words, y.Words)))
            .OrderByDescending(p => p.Dice)
            .First();
        return best.Dice > 0m
            ? new Reason(
                ReasonKind.Coherence,
                Math.Round(weight * best.Dice, 2),
                Invariant($"the labels \"{best.Account}\" and \"{best.Economic}\" agree"))
            : null;
    }

    private static Dictionary<string, ChartLabel> Labels(TargetChart chart, ChartKind kind) =>
        chart.Entries(kind).Where(e => e.Active).ToDictionary(e => e.Code, ChartLabel.Of, StringComparer.Ordinal);
}
