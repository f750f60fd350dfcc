using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A capital subsidy granted for an investment (OD, extraordinary service): receivable on the authority, subsidy
/// received.</summary>
public sealed class CapitalSubsidyDocument : DocumentKind
{
    public override string Journal => "OD";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.CapitalSubsidy).Count > 0 ? 6 : 0;

    public override bool Allows(int size, DocumentContext context) => size == 2;

    public override int PreferredSize(DocumentContext context) => 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.CapitalSubsidy);
        var authority = article.Authority!;
        var cents = context.Draw(article.TypicalAmount, sigma: 0.5);
        var label = $"{article.Label} - arrêté de subvention {context.NextReference()}";
        lines.Add(LedgerEntry.Debit(LegacyCatalog.GrantsReceivable, cents, context.Label(label), thirdParty: authority));
        lines.Add(LedgerEntry.Credit(article.Account, cents, context.Label(label), article, authority));
        context.Receivables.Add(new PendingItem(LegacyCatalog.GrantsReceivable, authority, cents, label));
    }
}
