namespace Bascule.Sample.Catalog;

/// <summary>
/// A legacy general ledger account the generator books on. <paramref name="OpeningBalance"/> is the typical
/// balance carried into the year in euros: positive on the debit side, negative on the credit side, zero when
/// the account is not opened (classes 6 and 7, or accounts that start the year settled).
/// </summary>
public sealed record CatalogAccount(string Code, string Label, decimal OpeningBalance = 0m)
{
    public int Class => Code[0] - '0';
}
