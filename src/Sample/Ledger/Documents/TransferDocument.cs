using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A monthly dotation or a subsidy to an association (ACH): the charge, and the amount due to the authority.</summary>
public sealed class TransferDocument : DocumentKind
{
    public override string Journal => "ACH";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.Transfer).Count > 0 ? 30 : 0;

    public override bool Allows(int size, DocumentContext context) => size == 2;

    public override int PreferredSize(DocumentContext context) => 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.Transfer);
        var authority = article.Authority!;
        var cents = context.Draw(article.TypicalAmount, sigma: 0.15);
        var label = $"{article.Label} - {DocumentContext.MonthName(bookingDate)} {bookingDate.Year}";
        lines.Add(LedgerEntry.Debit(article.Account, cents, context.Label(label), article, authority));
        lines.Add(LedgerEntry.Credit(LegacyCatalog.Suppliers, cents, context.Label(label), thirdParty: authority));
        context.Payables.Add(new PendingItem(LegacyCatalog.Suppliers, authority, cents, label));
    }
}
