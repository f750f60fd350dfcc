using Bascule.Transform.Charts;

namespace Bascule.Transform.Suggestions;

/// <summary>A chart code with the words of its French and Dutch labels, computed once per suggestion run.</summary>
internal sealed record ChartLabel(string Code, IReadOnlyList<(string Text, IReadOnlySet<string> Words)> Languages)
{
    public static ChartLabel Of(ChartEntry entry) =>
        new(entry.Code, [(entry.LabelFr, LabelWords.Of(entry.LabelFr)), (entry.LabelNl, LabelWords.Of(entry.LabelNl))]);
}
