using System.Text;

namespace Bascule.Extract.Privacy;

/// <summary>
/// Finds given IBANs in free text and masks them, however they are written: electronic form, printed in groups of four
/// ("BE71 0961 2345 6769"), in lower case, or any mix. The IBAN must stand alone: not glued to a letter or digit on
/// either side.
/// </summary>
internal sealed class KnownIbans
{
    // ISO 13616: 15 characters (Norway) to 34.
    private const int MinLength = 15;
    private const int MaxLength = 34;

    private readonly HashSet<string> _ibans = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KnownIbans() => _lookup = _ibans.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _ibans.Count;

    public void Add(string iban)
    {
        var compact = string.Concat(iban.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length is >= MinLength and <= MaxLength)
        {
            _ibans.Add(compact);
        }
    }

    /// <summary>The text with every known IBAN replaced by <paramref name="masked"/>; the same instance when none is found.</summary>
    public string Mask(string text, string masked)
    {
        if (_ibans.Count == 0 || text.Length < MinLength)
        {
            return text;
        }

        Span<char> compact = stackalloc char[MaxLength];
        StringBuilder? result = null;
        var copied = 0;
        for (var i = 0; i <= text.Length - MinLength; i++)
        {
            if (!char.IsAsciiLetter(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1])))
            {
                continue;
            }

            var end = LongestAt(text, i, compact);
            if (end < 0)
            {
                continue;
            }

            result ??= new StringBuilder(text.Length);
            result.Append(text, copied, i - copied).Append(masked);
            copied = end;
            i = end - 1;
        }

        return result is null ? text : result.Append(text, copied, text.Length - copied).ToString();
    }

    // The end of the longest known IBAN that starts at start, or -1. Single spaces between its characters are skipped.
    private int LongestAt(string text, int start, Span<char> compact)
    {
        var length = 0;
        var end = -1;
        for (var j = start; j < text.Length && length < MaxLength; j++)
        {
            var c = text[j];
            if (c == ' ' && j + 1 < text.Length && char.IsAsciiLetterOrDigit(text[j + 1]))
            {
                continue;
            }

            if (!char.IsAsciiLetterOrDigit(c) || (length is 2 or 3 && !char.IsAsciiDigit(c)) || (length is 1 && !char.IsAsciiLetter(c)))
            {
                break;
            }

            compact[length++] = char.ToUpperInvariant(c);
            var alone = j + 1 == text.Length || !char.IsLetterOrDigit(text[j + 1]);
            if (length >= MinLength && alone && _lookup.Contains(compact[..length]))
            {
                end = j + 1;
            }
        }

        return end;
    }
}
