namespace Bascule.Transform.Rules;

/// <summary>
/// A rule's <c>SOURCE_ACCOUNT</c>: exact <c>6120000</c>, prefix <c>612*</c>, range <c>6100000..6199999</c> or <c>*</c>.
/// Range bounds and accounts are compared as codes right-padded with zeros to 7 digits, because a 6-digit legacy
/// account sits at the head of its 7-digit sub-accounts (<c>610000</c> is <c>6100000</c>).
/// </summary>
public sealed record AccountPattern(AccountPatternKind Kind, string Text, string Low, string High)
{
    public const int Width = 7;

    public static readonly AccountPattern Any = new(AccountPatternKind.Any, "*", "", "");

    /// <summary>Orders patterns by specificity: exact, then longer prefixes, then shorter, then ranges, then <c>*</c>.</summary>
    public int Rank => Kind switch
    {
        AccountPatternKind.Exact => 100,
        AccountPatternKind.Prefix => 10 + Low.Length,
        AccountPatternKind.Range => 1,
        _ => 0,
    };

    public bool IsConstrained => Kind != AccountPatternKind.Any;

    public bool Matches(string account) => Kind switch
    {
        AccountPatternKind.Exact => account == Low,
        AccountPatternKind.Prefix => account.StartsWith(Low, StringComparison.Ordinal),
        AccountPatternKind.Range => InRange(Pad(account, '0')),
        _ => true,
    };

    /// <summary>Whether some account matches both patterns.</summary>
    public bool Overlaps(AccountPattern other)
    {
        if (Kind == AccountPatternKind.Any || other.Kind == AccountPatternKind.Any)
        {
            return true;
        }

        if (Kind == AccountPatternKind.Exact)
        {
            return other.Matches(Low);
        }

        if (other.Kind == AccountPatternKind.Exact)
        {
            return Matches(other.Low);
        }

        var (lowA, highA) = Interval();
        var (lowB, highB) = other.Interval();
        return string.CompareOrdinal(lowA, highB) <= 0 && string.CompareOrdinal(lowB, highA) <= 0;
    }

    public static bool TryParse(string text, out AccountPattern? pattern, out string? error)
    {
        pattern = null;
        error = null;
        text = text.Trim();
        if (text == "*")
        {
            pattern = Any;
            return true;
        }

        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
        {
            var low = text[..dots];
            var high = text[(dots + 2)..];
            if (!IsCode(low) || !IsCode(high))
            {
                error = $"range '{text}' needs two accounts of 6 or 7 digits (e.g. 6100000..6199999)";
                return false;
            }

            if (string.CompareOrdinal(Pad(low, '0'), Pad(high, '0')) > 0)
            {
                error = $"range '{text}' starts after it ends; write the lower account first";
                return false;
            }

            pattern = new AccountPattern(AccountPatternKind.Range, text, Pad(low, '0'), Pad(high, '0'));
            return true;
        }

        if (text.EndsWith('*'))
        {
            var prefix = text[..^1];
            if (prefix.Length is < 1 or > Width || !prefix.All(char.IsAsciiDigit))
            {
                error = $"prefix '{text}' needs 1 to 7 digits before '*' (e.g. 612*)";
                return false;
            }

            pattern = new AccountPattern(AccountPatternKind.Prefix, text, prefix, prefix);
            return true;
        }

        if (!IsCode(text))
        {
            error = $"'{text}' is not an account pattern; write an account of 6 or 7 digits, a prefix 612*, a range 6100000..6199999 or *";
            return false;
        }

        pattern = new AccountPattern(AccountPatternKind.Exact, text, text, text);
        return true;
    }

    public override string ToString() => Text;

    private bool InRange(string padded) =>
        string.CompareOrdinal(padded, Low) >= 0 && string.CompareOrdinal(padded, High) <= 0;

    // The padded interval of accounts a pattern can match; exact codes are handled before this is called.
    private (string Low, string High) Interval() => Kind == AccountPatternKind.Prefix
        ? (Pad(Low, '0'), Pad(Low, '9'))
        : (Low, High);

    private static string Pad(string code, char with) => code.Length >= Width ? code : code.PadRight(Width, with);

    private static bool IsCode(string text) => text.Length is 6 or 7 && text.All(char.IsAsciiDigit);
}
