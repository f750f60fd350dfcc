namespace Bascule.Transform.Suggestions;

/// <summary>
/// The points each target code of one kind collects for one combination. Ranking is by score, then by code, so
/// that equal evidence always gives the same order.
/// </summary>
internal sealed class ScoreSheet
{
    private readonly Dictionary<string, List<Reason>> _reasons = new(StringComparer.Ordinal);

    public void Add(string code, Reason reason)
    {
        if (reason.Points <= 0m)
        {
            return;
        }

        if (!_reasons.TryGetValue(code, out var list))
        {
            list = [];
            _reasons.Add(code, list);
        }

        list.Add(reason);
    }

    public IReadOnlyList<ScoredTarget> Ranked() =>
        _reasons.Select(r => new ScoredTarget(r.Key, r.Value.Sum(x => x.Points), r.Value.OrderByDescending(x => x.Points).ToList()))
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToList();
}
