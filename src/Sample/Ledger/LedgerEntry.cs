using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>
/// One line of a document before it is written: an amount in cents on one side. A negative amount stays on its
/// side (a correction booked as a negative debit is still a debit), as the legacy software books it.
/// </summary>
public readonly record struct LedgerEntry(
    string Account,
    CatalogArticle? Article,
    string ThirdParty,
    string Label,
    bool IsDebit,
    long Cents)
{
    public static LedgerEntry Debit(string account, long cents, string label, CatalogArticle? article = null, string thirdParty = "") =>
        new(account, article, thirdParty, label, IsDebit: true, cents);

    public static LedgerEntry Credit(string account, long cents, string label, CatalogArticle? article = null, string thirdParty = "") =>
        new(account, article, thirdParty, label, IsDebit: false, cents);
}
