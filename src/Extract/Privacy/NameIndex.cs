using System.Buffers;
using System.Text;

namespace Bascule.Extract.Privacy;

/// <summary>
/// Finds people's names in free text and masks them. A name matches as whole words, case- and accent-insensitive, in the
/// order <c>TIERS.csv</c> writes it ("DUPONT Jean") or with the given names first ("Jean Dupont"), whatever separates
/// the words ("Dupont, Jean"). "Rose" masks "rose" but never "Roseraie".
/// </summary>
/// <remarks>
/// Built for 100,000 names and many texts without a pattern per name: every folded name is kept whole (its words joined
/// by one space) in a hash set, and its first word in a dictionary that says how many words the names starting with it
/// have. A text is folded once; at each of its words one lookup tells whether any name starts there, and only then
/// are the few possible lengths, longest first, looked up whole. No string is allocated while searching.
/// </remarks>
internal sealed class NameIndex
{
    // A name of more words than this is not indexed (no legacy name comes near it): the lengths are bits of an int.
    private const int MaxWords = 31;

    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _lengthsByFirstWord = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _nameLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    public NameIndex()
    {
        _nameLookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordLookup = _lengthsByFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _names.Count;

    /// <summary>Indexes a name in its own order and with its given names first.</summary>
    public void Add(string name)
    {
        var folded = new char[TextFolding.FoldedCapacity(name.Length)];
        var words = new FoldedWord[name.Length];
        var count = TextFolding.Words(name, folded, words);
        if (count is 0 or > MaxWords)
        {
            return;
        }

        var parts = words[..count].Select(w => new string(folded, w.FoldedStart, w.FoldedEnd - w.FoldedStart)).ToArray();
        Index(parts);
        if (count > 1)
        {
            var surname = SurnameWords(name, words.AsSpan(0, count));
            Index([.. parts[surname..], .. parts[..surname]]);
        }
    }

    /// <summary>The text with every indexed name replaced by <paramref name="masked"/>; the same instance when none is found.</summary>
    public string Mask(string text, string masked)
    {
        if (_names.Count == 0 || text.Length == 0)
        {
            return text;
        }

        var folded = ArrayPool<char>.Shared.Rent(TextFolding.FoldedCapacity(text.Length));
        var words = ArrayPool<FoldedWord>.Shared.Rent((text.Length / 2) + 1);
        try
        {
            var count = TextFolding.Words(text, folded, words);
            StringBuilder? result = null;
            var copied = 0;
            for (var i = 0; i < count;)
            {
                var length = LongestNameAt(folded, words.AsSpan(i, count - i));
                if (length == 0)
                {
                    i++;
                    continue;
                }

                result ??= new StringBuilder(text.Length);
                result.Append(text, copied, words[i].Start - copied).Append(masked);
                copied = words[i + length - 1].End;
                i += length;
            }

            return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
        }
        finally
        {
            ArrayPool<FoldedWord>.Shared.Return(words);
            ArrayPool<char>.Shared.Return(folded);
        }
    }

    private void Index(string[] words)
    {
        _names.Add(string.Join(' ', words));
        _lengthsByFirstWord[words[0]] = _lengthsByFirstWord.GetValueOrDefault(words[0]) | (1 << (words.Length - 1));
    }

    // The number of words of the longest name that starts with the first of these words, or 0.
    private int LongestNameAt(char[] folded, ReadOnlySpan<FoldedWord> words)
    {
        var first = words[0];
        if (!_firstWordLookup.TryGetValue(folded.AsSpan(first.FoldedStart, first.FoldedEnd - first.FoldedStart), out var lengths))
        {
            return 0;
        }

        for (var n = Math.Min(MaxWords, words.Length); n > 0; n--)
        {
            if ((lengths & (1 << (n - 1))) != 0
                && _nameLookup.Contains(folded.AsSpan(first.FoldedStart, words[n - 1].FoldedEnd - first.FoldedStart)))
            {
                return n;
            }
        }

        return 0;
    }

    // TIERS.csv writes a person's surname in capitals before the given names ("DE SMET Joël"): the surname is the
    // leading words in capitals. When the case does not tell (all capitals, or none), the last word is taken as the given
    // name, which makes the given-names-first order of a two-word name its reverse ("Jean DUPONT").
    private static int SurnameWords(string name, ReadOnlySpan<FoldedWord> words)
    {
        var capitals = 0;
        while (capitals < words.Length && IsInCapitals(name.AsSpan(words[capitals].Start, words[capitals].End - words[capitals].Start)))
        {
            capitals++;
        }

        return capitals > 0 && capitals < words.Length ? capitals : words.Length - 1;
    }

    private static bool IsInCapitals(ReadOnlySpan<char> word)
    {
        var letters = false;
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letters |= char.IsLetter(c);
        }

        return letters;
    }
}
