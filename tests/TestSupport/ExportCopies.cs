using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace Bascule.TestSupport;

/// <summary>Altered copies of an export folder, for tests of what a damaged delivery gets.</summary>
public static partial class ExportCopies
{
    /// <summary>A copy of an export whose EXPORT.txt announces one euro more ledger debit: the counts agree, so the run loads and check 2
    /// is FAILED.</summary>
    public static async Task<string> OneEuroMoreLedgerDebitAsync(string sample, string copy)
    {
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(sample))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }

        var control = Path.Combine(copy, "EXPORT.txt");
        var text = await File.ReadAllTextAsync(control, Encoding.Latin1, TestContext.Current.CancellationToken);
        var raised = LedgerDebit().Replace(text, m => m.Groups[1].Value + string.Create(
            CultureInfo.InvariantCulture,
            $"{decimal.Parse(m.Groups[2].Value.Replace(',', '.'), CultureInfo.InvariantCulture) + 1m:0.00}").Replace('.', ','), 1);
        Assert.NotEqual(text, raised);
        await File.WriteAllTextAsync(control, raised, Encoding.Latin1, TestContext.Current.CancellationToken);
        return copy;
    }

    [GeneratedRegex(@"(FICHIER=ECRITURES\.csv;[^\r\n]*TOTAL_DEBIT=)([0-9]+,[0-9]{2})")]
    private static partial Regex LedgerDebit();
}
