using Bascule.Extract.Csv;
using Bascule.Extract.Values;
using Bascule.Sample.Catalog;
using Bascule.Sample.Ledger;
using Bascule.Sample.Writing;

namespace Bascule.Sample.Files;

/// <summary>
/// BALANCE.csv, the legacy trial balance, from the ledger's own totals: per account, its OUV lines as opening, its
/// other lines as movements, and the net on one side as closing. Its control totals (EXPORT.txt) are opening plus
/// movements, per side, which equal the ledger's totals.
/// </summary>
public static class BalanceFile
{
    public const string FileName = "BALANCE.csv";

    public static WrittenFile Write(
        string folder,
        FiscalYear year,
        IReadOnlyList<CatalogAccount> accounts,
        LedgerTotals totals,
        SampleRandom random)
    {
        using var csv = new CsvFileWriter(Path.Combine(folder, FileName), CsvDialect.LegacyExport, [
            "EXERCICE", "COMPTE_GENERAL", "LIBELLE", "OUVERTURE_DEBIT", "OUVERTURE_CREDIT",
            "MOUVEMENTS_DEBIT", "MOUVEMENTS_CREDIT", "CLOTURE_DEBIT", "CLOTURE_CREDIT"]);
        long debit = 0;
        long credit = 0;
        foreach (var account in accounts.Where(a => totals.Accounts.ContainsKey(a.Code)).OrderBy(a => a.Code, StringComparer.Ordinal))
        {
            var sums = totals.Accounts[account.Code];
            debit += sums.OpeningDebit + sums.MovementDebit;
            credit += sums.OpeningCredit + sums.MovementCredit;
            csv.Text(year.ToString()).Text(account.Code).Text(account.Label)
                .Text(AmountStyle.Format(sums.OpeningDebit, random)).Text(AmountStyle.Format(sums.OpeningCredit, random))
                .Text(AmountStyle.Format(sums.MovementDebit, random)).Text(AmountStyle.Format(sums.MovementCredit, random))
                .Text(AmountStyle.Format(Math.Max(sums.Closing, 0), random)).Text(AmountStyle.Format(Math.Max(-sums.Closing, 0), random))
                .EndRecord();
        }

        return new WrittenFile(FileName, csv.Records, debit, credit);
    }
}
