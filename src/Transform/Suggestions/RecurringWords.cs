namespace Bascule.Transform.Suggestions;

/// <summary>
/// The words that recur in the labels of one combination's ledger lines. A ledger label mixes what the line is about
/// ("Fournitures scolaires") with what changes from line to line (invoice numbers, months, suppliers' names): keeping
/// only the words found in at least half of the lines keeps the first and drops the rest.
/// </summary>
public sealed class RecurringWords
{
    private readonly Dictionary<string, (long Lines, string Word)> _linesWith = new(StringComparer.Ordinal);
    private long _lines;

    public void Add(string label)
    {
        _lines++;
        foreach (var (stem, word) in LabelWords.Split(label).DistinctBy(w => w.Stem))
        {
            _linesWith[stem] = _linesWith.TryGetValue(stem, out var seen) ? (seen.Lines + 1, seen.Word) : (1, word);
        }
    }

    /// <summary>The recurring words as a legacy label: their reduced forms to compare, as first written to show.</summary>
    public LegacyLabel? Label()
    {
        var recurring = _linesWith.Where(w => w.Value.Lines * 2 >= _lines).OrderBy(w => w.Key, StringComparer.Ordinal).ToList();
        return recurring.Count == 0
            ? null
            : new LegacyLabel(
                "ledger labels",
                string.Join(' ', recurring.Select(w => w.Value.Word)),
                recurring.Select(w => w.Key).ToHashSet(StringComparer.Ordinal));
    }
}
