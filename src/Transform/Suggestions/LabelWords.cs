using System.Globalization;
using System.Text;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// The words of a label, reduced so that the legacy labels and the chart's French and Dutch labels can be compared
/// by plain set overlap: lowercase, accents removed, split on anything that is not a letter (digits, invoice numbers
/// and dates drop out), short and common words dropped, and a light plural stem (a final <c>s</c>, then a final
/// <c>e</c>), so that "Rémunérations" meets "rémunération" and "sociales" meets "social". Deliberately crude and
/// deterministic: a reviewer can redo it by hand.
/// </summary>
public static class LabelWords
{
    // Articles, prepositions and conjunctions of both languages that tell nothing about what an account holds.
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "les", "des", "aux", "pour", "sur", "dans", "par", "avec", "une", "sans", "vers", "entre", "leur", "leurs",
        "van", "het", "een", "voor", "aan", "met", "uit", "bij", "naar", "door", "over", "tot", "der", "den",
    };

    public static IReadOnlySet<string> Of(string? label) => Split(label).Select(w => w.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Each kept word of a label as its reduced form (compared) and as written, lowercased (shown to people).</summary>
    public static IEnumerable<(string Stem, string Word)> Split(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            yield break;
        }

        label = label.Normalize(NormalizationForm.FormC);
        var start = -1;
        for (var i = 0; i <= label.Length; i++)
        {
            if (i < label.Length && char.IsLetter(label[i]))
            {
                start = start < 0 ? i : start;
                continue;
            }

            if (start >= 0 && Reduce(label[start..i]) is { } stem)
            {
                yield return (stem, label[start..i].ToLowerInvariant());
            }

            start = -1;
        }
    }

    private static string? Reduce(string word)
    {
        var text = Ascii.IsValid(word) ? word.ToLowerInvariant() : Fold(word);
        return text.Length < 3 || Ignored.Contains(text) ? null : Stem(text);
    }

    // Most words of a ledger are plain ASCII; only the others pay for the decomposition that drops their accents.
    private static string Fold(string word)
    {
        var folded = new StringBuilder(word.Length);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(char.ToLowerInvariant(c));
            }
        }

        return folded.ToString();
    }

    private static string Stem(string word)
    {
        if (word.Length > 3 && word.EndsWith('s'))
        {
            word = word[..^1];
        }

        if (word.Length > 3 && word.EndsWith('e'))
        {
            word = word[..^1];
        }

        return word;
    }
}
