using System.Globalization;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The one way every command writes figures for people (text output; JSON keeps invariant numbers). Amounts as Brussels
/// writes them in French and in Dutch, <c>1.234.567,89</c> and <c>-1.234,50</c>: dot thousands, comma decimals, always
/// two decimals. Counts as plain integers, <c>7739</c>: a count has no decimals, so a grouping dot could only be misread
/// as one. Built from an explicit format, never from the machine's culture, so a log reads the same on every server.
/// </summary>
public static class Figures
{
    private static readonly NumberFormatInfo Brussels = new()
    {
        NumberDecimalSeparator = ",",
        NumberGroupSeparator = ".",
        NumberGroupSizes = [3],
        NegativeSign = "-",
    };

    /// <summary>Euros with their cents: <c>1.234.567,89</c>, <c>-1.234,50</c>, <c>0,00</c>.</summary>
    public static string Amount(decimal value)
    {
        var cents = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        // A negative amount that rounds to nothing is written 0,00, never -0,00.
        return (cents == 0m ? 0m : cents).ToString("#,##0.00", Brussels);
    }

    /// <summary>An amount with its sign always written, for differences: <c>+1,00</c>, <c>-5,00</c>.</summary>
    public static string SignedAmount(decimal value)
        => (decimal.Round(value, 2, MidpointRounding.AwayFromZero) > 0m ? "+" : "") + Amount(value);

    /// <summary>A number of lines, records, rows or files: <c>7739</c>, <c>-1</c>.</summary>
    public static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure of a check: euros when <paramref name="money"/>, else a count (lines, accounts, documents).</summary>
    public static string Figure(decimal value, bool money) =>
        money ? Amount(value) : Count(decimal.ToInt64(decimal.Round(value, 0, MidpointRounding.AwayFromZero)));

    /// <summary>A share in percent with one decimal, as the amounts write their decimals: <c>97,5%</c>.</summary>
    public static string Percent(decimal value) => decimal.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", Brussels) + "%";

    /// <summary>A duration in seconds with two decimals: <c>0,53 s</c>.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", Brussels) + " s";
}
