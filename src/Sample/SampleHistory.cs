using Bascule.Extract.Values;
using Bascule.Sample.Catalog;
using Bascule.Sample.Ledger;

namespace Bascule.Sample;

/// <summary>
/// Consecutive years of one entity, written one after the other: each year opens with the previous year's closing
/// balances (its result carried onto <see cref="LegacyCatalog.ResultCarriedForward"/>) and settles its open items,
/// so that a migration of several years can check their continuity. Only one year's closing is held in memory.
/// </summary>
public static class SampleHistory
{
    /// <summary>In the output folder, stands for each year's number: <c>samples/commune-{year}</c>.</summary>
    public const string YearPlaceholder = "{year}";

    /// <summary>At most this many years at once: a history is for continuity checks, not for bulk data.</summary>
    public const int MaximumYears = 10;

    /// <summary>
    /// A year's folder: <paramref name="outFolder"/> with <see cref="YearPlaceholder"/> replaced by the year, or,
    /// without the placeholder, a subfolder named after the year, so that no year overwrites another.
    /// </summary>
    public static string FolderFor(string outFolder, FiscalYear year) =>
        outFolder.Contains(YearPlaceholder, StringComparison.Ordinal)
            ? outFolder.Replace(YearPlaceholder, year.ToString(), StringComparison.Ordinal)
            : Path.Combine(outFolder, year.ToString());

    /// <summary>The fewest lines a year of a history may ask for: a following year may open every balance-sheet account.</summary>
    public static int MinimumLines(EntityType type) => LedgerGenerator.MinimumLinesOfHistory(LegacyCatalog.Accounts(type));

    /// <summary>
    /// The options of every year from <paramref name="first"/> to <paramref name="last"/>, each writing into its
    /// own folder (see <see cref="FolderFor"/>); <paramref name="template"/>'s <c>Out</c> may hold the placeholder.
    /// </summary>
    public static IReadOnlyList<SampleOptions> Plan(SampleOptions template, FiscalYear first, FiscalYear last) =>
        [.. Enumerable.Range(first.Value, last.Value - first.Value + 1)
            .Select(y => new FiscalYear(y))
            .Select(year => template with { Out = FolderFor(template.Out, year), Year = year })];

    /// <summary>
    /// Writes the planned years in order, each following the one before, yielding each once its folder is complete
    /// (lazily: a caller can report a year before the next is written, and knows which folder a failure is in).
    /// </summary>
    public static IEnumerable<GeneratedYear> Write(IReadOnlyList<SampleOptions> years)
    {
        YearClosing? previous = null;
        foreach (var options in years)
        {
            var year = SampleGenerator.Generate(options, previous);
            previous = year.Closing;
            yield return year;
        }
    }
}
