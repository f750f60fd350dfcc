using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>A loan instalment (OD): interest and, mostly, principal repayment, both paid from the bank.</summary>
public sealed class DebtDocument : DocumentKind
{
    public override string Journal => "OD";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.DebtInterest).Count > 0 ? 10 : 0;

    public override bool Allows(int size, DocumentContext context) =>
        size == 2 || (size == 3 && context.Articles(ArticleUse.DebtRepayment).Count > 0);

    public override int PreferredSize(DocumentContext context) => context.Random.Chance(0.8) ? 3 : 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var loan = $"emprunt n° {context.Random.Between(1000, 1099)}";
        var interest = context.Pick(ArticleUse.DebtInterest);
        var interestCents = context.Draw(interest.TypicalAmount, sigma: 0.4);
        long total = interestCents;
        lines.Add(
            LedgerEntry.Debit(interest.Account, interestCents, context.Label($"{interest.Label} - {loan}"), interest, interest.Authority!));
        if (size == 3)
        {
            var repayment = context.Pick(ArticleUse.DebtRepayment);
            var repaymentCents = context.Draw(repayment.TypicalAmount, sigma: 0.4);
            total += repaymentCents;
            lines.Add(LedgerEntry.Debit(
                repayment.Account,
                repaymentCents,
                context.Label($"{repayment.Label} - {loan}"),
                repayment,
                repayment.Authority!));
        }

        lines.Add(LedgerEntry.Credit(
            LegacyCatalog.CurrentAccount,
            total,
            context.Label($"Échéance {loan} - {DocumentContext.MonthName(bookingDate)}")));
    }
}
