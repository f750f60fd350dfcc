using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bascule.Extract.Records;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// Takes records out of one data file of an export copy, byte for byte otherwise, and lowers that file's counts in
/// <c>EXPORT.txt</c> so that the export stays readable: <c>LIGNES</c>, and for a file with totals the amounts removed.
/// </summary>
internal static partial class ExportRecords
{
    /// <param name="all">The lineage of every record of the file, as read: a record runs to the line before the next one.</param>
    /// <param name="removed">The record numbers to take out.</param>
    /// <param name="debit">The debit the removed records carried, for a file whose line in EXPORT.txt has TOTAL_DEBIT.</param>
    /// <param name="credit">The credit they carried.</param>
    public static void Remove(
        string folder,
        string fileName,
        IReadOnlyList<Lineage> all,
        IReadOnlySet<long> removed,
        decimal debit = 0m,
        decimal credit = 0m)
    {
        Assert.NotEmpty(removed);
        var path = Path.Combine(folder, fileName);
        // Latin-1 maps every byte to one character and back: the Windows-1252 file is rewritten unchanged elsewhere.
        var lines = LineEnds().Split(File.ReadAllText(path, Encoding.Latin1)).ToList();
        var starts = all.OrderBy(l => l.Line).ToList();
        var drop = new HashSet<long>();
        for (var i = 0; i < starts.Count; i++)
        {
            if (removed.Contains(starts[i].Record))
            {
                var end = i + 1 < starts.Count ? starts[i + 1].Line - 1 : lines.Count;
                for (var line = starts[i].Line; line <= end; line++)
                {
                    drop.Add(line);
                }
            }
        }

        File.WriteAllText(path, string.Concat(lines.Where((_, index) => !drop.Contains(index + 1))), Encoding.Latin1);

        var control = Path.Combine(folder, "EXPORT.txt");
        var text = File.ReadAllText(control, Encoding.Latin1);
        var entry = new Regex("^FICHIER=" + Regex.Escape(fileName) + ";.*$", RegexOptions.Multiline);
        var changed = entry.Replace(text, m =>
        {
            var line = Count().Replace(m.Value, c => "LIGNES="
                + (long.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) - removed.Count).ToString(CultureInfo.InvariantCulture));
            line = Total("DEBIT").Replace(line, t => t.Groups[1].Value + Lower(t.Groups[2].Value, debit));
            return Total("CREDIT").Replace(line, t => t.Groups[1].Value + Lower(t.Groups[2].Value, credit));
        });
        Assert.NotEqual(text, changed);
        File.WriteAllText(control, changed, Encoding.Latin1);
    }

    private static Regex Total(string side) => new($"(TOTAL_{side}=)(-?[0-9]+,[0-9]{{2}})");

    private static string Lower(string amount, decimal by) =>
        (decimal.Parse(amount.Replace(',', '.'), CultureInfo.InvariantCulture) - by).ToString("0.00", CultureInfo.InvariantCulture)
            .Replace('.', ',');

    // Splits after each line end, keeping it: line i of the file is element i - 1.
    [GeneratedRegex(@"(?<=\n)")]
    private static partial Regex LineEnds();

    [GeneratedRegex(@"LIGNES=([0-9]+)")]
    private static partial Regex Count();
}
