using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>An investment invoice (ACH, extraordinary service): works or equipment on class 2, credited to the supplier.</summary>
public sealed class InvestmentDocument : DocumentKind
{
    public override string Journal => "ACH";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.Investment).Count > 0 ? 20 : 0;

    public override bool Allows(int size, DocumentContext context) => size is 2 or 3;

    public override int PreferredSize(DocumentContext context) => context.Random.Chance(0.8) ? 2 : 3;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var supplier = context.ThirdParties.Supplier(context.Random.Next(context.ThirdParties.SupplierCount));
        var invoice = context.NextReference();
        long total = 0;
        for (var i = 1; i < size; i++)
        {
            var article = context.Pick(ArticleUse.Investment);
            var cents = context.Draw(article.TypicalAmount, sigma: 0.6);
            total += cents;
            lines.Add(LedgerEntry.Debit(
                article.Account,
                cents,
                context.Label($"{article.Label} - état d'avancement {i} facture {invoice}"),
                article,
                supplier.Code));
        }

        lines.Add(LedgerEntry.Credit(
            LegacyCatalog.Suppliers,
            total,
            context.Label($"Facture {invoice} {supplier.Name}"),
            thirdParty: supplier.Code));
        context.Payables.Add(new PendingItem(LegacyCatalog.Suppliers, supplier.Code, total, $"facture {invoice} {supplier.Name}"));
    }
}
