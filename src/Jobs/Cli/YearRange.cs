using System.Globalization;
using Bascule.Extract.Values;

namespace Bascule.Jobs.Cli;

/// <summary>
/// A <c>--years FIRST-LAST</c> option: consecutive fiscal years, first to last included (<c>bascule sample</c> writes
/// them, <c>enqueue</c> and <c>schedule</c> queue one job each). Parsing says what is wrong in words a user can act on,
/// since a range is easy to mistype.
/// </summary>
public sealed record YearRange(FiscalYear First, FiscalYear Last)
{
    public const int Earliest = 1990;
    public const int Latest = 2100;

    public int Count => Last.Value - First.Value + 1;

    /// <summary>Each year of the range, oldest first.</summary>
    public IReadOnlyList<FiscalYear> Years => [.. Enumerable.Range(First.Value, Count).Select(year => new FiscalYear(year))];

    /// <summary>Parses <paramref name="text"/> as at most <paramref name="maximum"/> years, or returns null and why not in <paramref
    /// name="error"/>.</summary>
    public static YearRange? Parse(string text, int maximum, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-');
        if (parts.Length != 2 || !IsYear(parts[0]) || !IsYear(parts[1]))
        {
            error = $"--years '{text}' is not a range of two 4-digit years: write the first and the last year, e.g. --years 2022-2023.";
            return null;
        }

        var first = int.Parse(parts[0], CultureInfo.InvariantCulture);
        var last = int.Parse(parts[1], CultureInfo.InvariantCulture);
        error = first > last
            ? $"--years {text} goes backwards: write the first year first, e.g. --years {last}-{first}."
            : first < Earliest || last > Latest
                ? $"--years {text} is outside {Earliest}-{Latest}."
                : last - first + 1 > maximum
                    ? $"--years {text} spans {last - first + 1} years: give at most {maximum} consecutive years at once, e.g. --years "
                        + $"{first}-{first + maximum - 1}."
                    : null;
        return error is null ? new YearRange(new FiscalYear(first), new FiscalYear(last)) : null;
    }

    private static bool IsYear(string part) => part.Length == 4 && part.All(char.IsAsciiDigit);
}
