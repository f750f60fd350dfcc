using System.Globalization;
using System.Text;

namespace Bascule.Extract.Privacy;

/// <summary>
/// Folds text for comparing names: lower case, accents dropped, ligatures spelled out, so that "NOËL", "Noel" and
/// "noël" compare equal. A word is a run of letters and digits (a combining accent belongs to its letter); anything else
/// separates words, so "Jean-Pierre" and "D'HONDT" are two words each, in a name as in the text searched.
/// </summary>
internal static class TextFolding
{
    // Latin-1 Supplement and Latin Extended-A and -B, where the accented letters of the legacy exports live, folded once:
    // a per-character Unicode normalisation would allocate for every letter of every text.
    private const int TableEnd = 0x250;
    private static readonly string[] Table = BuildTable();

    /// <summary>Room <see cref="Words"/> needs: a folded letter is at most two characters, and a separator only ever shrinks.</summary>
    public static int FoldedCapacity(int textLength) => checked((textLength * 2) + 1);

    /// <summary>
    /// Splits <paramref name="text"/> into words and writes them folded into <paramref name="folded"/>, separated by one
    /// space each, so that consecutive words form one span there. Returns the number of words.
    /// </summary>
    public static int Words(ReadOnlySpan<char> text, Span<char> folded, Span<FoldedWord> words)
    {
        var count = 0;
        var end = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var foldedStart = count > 0 ? end + 1 : end;
            var at = foldedStart;
            for (; i < text.Length && IsWordChar(text[i]); i++)
            {
                at += Fold(text[i], folded[at..]);
            }

            // A run of combining marks alone folds to nothing: it is no word.
            if (at == foldedStart)
            {
                continue;
            }

            if (count > 0)
            {
                folded[end] = ' ';
            }

            words[count++] = new FoldedWord(start, i, foldedStart, at);
            end = at;
        }

        return count;
    }

    private static bool IsWordChar(char c) =>
        char.IsAscii(c)
            ? char.IsAsciiLetterOrDigit(c)
            : char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark;

    private static int Fold(char c, Span<char> into)
    {
        if (char.IsAscii(c))
        {
            into[0] = char.ToLowerInvariant(c);
            return 1;
        }

        if (c < TableEnd)
        {
            var folded = Table[c];
            folded.CopyTo(into);
            return folded.Length;
        }

        if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
        {
            return 0;
        }

        into[0] = char.ToLowerInvariant(c);
        return 1;
    }

    private static string[] BuildTable()
    {
        var table = new string[TableEnd];
        for (var c = 0; c < TableEnd; c++)
        {
            table[c] = (char)c switch
            {
                'Œ' or 'œ' => "oe",
                'Æ' or 'æ' => "ae",
                'ß' => "ss",
                // Letters with a stroke have no decomposition: they fold to their base letter by hand.
                'Ø' or 'ø' => "o",
                'Đ' or 'đ' => "d",
                'Ł' or 'ł' => "l",
                _ => WithoutMarks((char)c),
            };
        }

        return table;
    }

    private static string WithoutMarks(char c)
    {
        var builder = new StringBuilder(2);
        foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(part));
            }
        }

        return builder.ToString();
    }
}

/// <summary>A word of a text: where it stands in the text (<c>[Start, End)</c>) and in the folded copy.</summary>
internal readonly record struct FoldedWord(int Start, int End, int FoldedStart, int FoldedEnd);
