using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Sample;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The <c>--years FIRST-LAST</c> of <c>bascule sample</c>: consecutive fiscal years, first to last included. Parsing
/// says what is wrong in words a user can act on, since a range is easy to mistype.
/// </summary>
public sealed record YearRange(FiscalYear First, FiscalYear Last)
{
    public const int Earliest = 1990;
    public const int Latest = 2100;

    public int Count => Last.Value - First.Value + 1;

    /// <summary>Parses <paramref name="text"/>, or returns null and why not in <paramref name="error"/>.</summary>
    public static YearRange? Parse(string text, out string? error)
    {
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
                : last - first + 1 > SampleHistory.MaximumYears
                    ? $"--years {text} spans {last - first + 1} years: generate at most {SampleHistory.MaximumYears} consecutive years at once, e.g. --years {first}-{first + SampleHistory.MaximumYears - 1}."
                    : null;
        return error is null ? new YearRange(new FiscalYear(first), new FiscalYear(last)) : null;
    }

    private static bool IsYear(string part) => part.Length == 4 && part.All(char.IsAsciiDigit);
}
