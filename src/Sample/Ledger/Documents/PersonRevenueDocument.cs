using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A tax roll or a batch of fees (VEN): one receivable per person, one income line on the article for the batch.</summary>
public sealed class PersonRevenueDocument : DocumentKind
{
    public override string Journal => "VEN";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.PersonRevenue).Count > 0 ? 120 : 0;

    public override bool Allows(int size, DocumentContext context) => size is >= 2 and <= 8;

    public override int PreferredSize(DocumentContext context) => context.Random.Between(2, 8);

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.PersonRevenue);
        var roll = context.NextReference();
        long total = 0;
        for (var i = 1; i < size; i++)
        {
            var person = context.Person();
            var cents = context.Draw(article.TypicalAmount, sigma: 0.5);
            total += cents;
            lines.Add(LedgerEntry.Debit(
                LegacyCatalog.Receivables,
                cents,
                context.Label($"{article.Label} - rôle {roll} article {i}"),
                thirdParty: person));
            context.Receivables.Add(new PendingItem(LegacyCatalog.Receivables, person, cents, $"rôle {roll} article {i}"));
        }

        lines.Add(LedgerEntry.Credit(article.Account, total, context.Label($"{article.Label} - rôle {roll}"), article));
    }
}
