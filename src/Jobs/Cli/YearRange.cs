using System.Globalization;
using Bascule.Extract.Values;

namespace Bascule.Jobs.Cli;

/// <summary>A range of fiscal years as the command line writes it: <c>2019-2023</c>, both ends included, oldest first.</summary>
public static class YearRange
{
    /// <summary>The range's years, or the reason it is not one (null when it is).</summary>
    public static string? Parse(string text, int maxYears, out IReadOnlyList<FiscalYear> years)
    {
        ArgumentNullException.ThrowIfNull(text);
        years = [];
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !IsYear(parts[0], out var from) || !IsYear(parts[1], out var to))
        {
            return $"'{text}' is not a range of fiscal years: write FROM-TO, e.g. 2019-2023.";
        }

        if (from is < 1990 or > 2100 || to is < 1990 or > 2100)
        {
            return $"{text} is outside 1990-2100: give the fiscal years of the exports, e.g. 2019-2023.";
        }

        if (to < from)
        {
            return $"{text} runs backwards: write the oldest year first, e.g. {to}-{from}.";
        }

        if (to - from + 1 > maxYears)
        {
            return $"{text} names {to - from + 1} years, more than {maxYears}: give a shorter range.";
        }

        years = Enumerable.Range(from, to - from + 1).Select(year => new FiscalYear(year)).ToList();
        return null;
    }

    private static bool IsYear(string text, out int year) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && text.Length == 4;
}
