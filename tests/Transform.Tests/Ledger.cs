using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Transform.Tests;

/// <summary>Ledger lines as the Extract stage yields them, built in one call for the tests.</summary>
internal static class Ledger
{
    public static LedgerLine Line(
        string account,
        string? article = null,
        decimal debit = 0m,
        decimal credit = 0m,
        int year = 2022,
        long record = 1) =>
        new(
            new Lineage("ECRITURES.csv", record, record + 1),
            new FiscalYear(year),
            "OD",
            "1",
            record.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new DateOnly(year, 1, 1),
            AccountCode.Parse(account),
            article is null ? null : BudgetArticle.Parse(article),
            Service.Ordinary,
            null,
            "test line",
            Amount.FromEuros(debit),
            Amount.FromEuros(credit));

#pragma warning disable CS1998 // An in-memory stream of lines, shaped like the Extract stage's output.
    public static async IAsyncEnumerable<LedgerLine> Stream(params LedgerLine[] lines)
#pragma warning restore CS1998
    {
        foreach (var line in lines)
        {
            yield return line;
        }
    }
}
