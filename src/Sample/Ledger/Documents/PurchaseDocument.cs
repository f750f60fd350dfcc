using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>
/// A supplier invoice (ACH): one to five charge lines on the operating articles of one function (an invoice serves
/// one department), one credit to the supplier.
/// </summary>
public sealed class PurchaseDocument : DocumentKind
{
    public override string Journal => "ACH";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.Purchase).Count > 0 ? 300 : 0;

    public override bool Allows(int size, DocumentContext context) => size is >= 2 and <= 6;

    public override int PreferredSize(DocumentContext context) => context.Random.Next(10) switch
    {
        < 6 => 2,
        < 8 => 3,
        8 => 4,
        _ => context.Random.Between(5, 6),
    };

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var supplier = context.ThirdParties.Supplier(context.Random.Next(context.ThirdParties.SupplierCount));
        var invoice = context.NextReference();
        var first = context.Pick(ArticleUse.Purchase);
        var sameFunction = context.Articles(ArticleUse.Purchase).Where(a => a.Function == first.Function).ToList();
        long total = 0;
        for (var i = 1; i < size; i++)
        {
            var article = i == 1 ? first : context.Random.Pick(sameFunction);
            var cents = context.Draw(article.TypicalAmount);
            total += cents;
            lines.Add(
                LedgerEntry.Debit(article.Account, cents, context.Label($"{article.Label} - facture {invoice}"), article, supplier.Code));
        }

        lines.Add(LedgerEntry.Credit(
            LegacyCatalog.Suppliers,
            total,
            context.Label($"Facture {invoice} {supplier.Name}"),
            thirdParty: supplier.Code));
        context.Payables.Add(new PendingItem(LegacyCatalog.Suppliers, supplier.Code, total, $"facture {invoice} {supplier.Name}"));
    }
}
