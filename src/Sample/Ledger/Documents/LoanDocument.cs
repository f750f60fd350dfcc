using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A loan taken up for investments (OD, extraordinary service): the bank receives the funds, the debt grows.</summary>
public sealed class LoanDocument : DocumentKind
{
    public override string Journal => "OD";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.Loan).Count > 0 ? 3 : 0;

    public override bool Allows(int size, DocumentContext context) => size == 2;

    public override int PreferredSize(DocumentContext context) => 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.Loan);
        // Loans are taken up in round thousands.
        var cents = ((context.Draw(article.TypicalAmount, sigma: 0.4) / 100_000) + 1) * 100_000;
        var label = $"{article.Label} - emprunt n° {context.NextReference()}";
        lines.Add(LedgerEntry.Debit(LegacyCatalog.CurrentAccount, cents, context.Label(label)));
        lines.Add(LedgerEntry.Credit(article.Account, cents, context.Label(label), article, article.Authority!));
    }
}
