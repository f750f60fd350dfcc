using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A grant, dotation or tax share established on an authority (VEN): the receivable and the income.</summary>
public sealed class AuthorityRevenueDocument : DocumentKind
{
    public override string Journal => "VEN";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.AuthorityRevenue).Count > 0 ? 25 : 0;

    public override bool Allows(int size, DocumentContext context) => size == 2;

    public override int PreferredSize(DocumentContext context) => 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.AuthorityRevenue);
        var authority = article.Authority!;
        var cents = context.Draw(article.TypicalAmount, sigma: 0.2);
        var label = $"{article.Label} - tranche de {DocumentContext.MonthName(bookingDate)} {bookingDate.Year}";
        lines.Add(LedgerEntry.Debit(LegacyCatalog.GrantsReceivable, cents, context.Label(label), thirdParty: authority));
        lines.Add(LedgerEntry.Credit(article.Account, cents, context.Label(label), article, authority));
        context.Receivables.Add(new PendingItem(LegacyCatalog.GrantsReceivable, authority, cents, label));
    }
}
