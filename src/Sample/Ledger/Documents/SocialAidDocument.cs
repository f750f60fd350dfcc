using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>
/// A CPAS aid decision run (ACH): for each beneficiary, the aid charged to its article and the amount owed to the
/// beneficiary, so every line pair names the person paid.
/// </summary>
public sealed class SocialAidDocument : DocumentKind
{
    public override string Journal => "ACH";

    public override int Weight(DocumentContext context) =>
        context.Articles(ArticleUse.SocialAid).Count > 0 && context.ThirdParties.BeneficiaryCount > 0 ? 150 : 0;

    public override bool Allows(int size, DocumentContext context) => size is >= 2 and <= 8 && size % 2 == 0;

    public override int PreferredSize(DocumentContext context) => 2 * context.Random.Between(1, 4);

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var article = context.Pick(ArticleUse.SocialAid);
        var month = $"{DocumentContext.MonthName(bookingDate)} {bookingDate.Year}";
        for (var i = 0; i < size / 2; i++)
        {
            var beneficiary = context.Beneficiary();
            var cents = context.Draw(article.TypicalAmount, sigma: 0.3);
            lines.Add(LedgerEntry.Debit(article.Account, cents, context.Label($"{article.Label} - {month}"), article, beneficiary));
            lines.Add(
                LedgerEntry.Credit(LegacyCatalog.Beneficiaries, cents, context.Label($"Aide à verser - {month}"), thirdParty: beneficiary));
            context.Payables
                .Add(new PendingItem(LegacyCatalog.Beneficiaries, beneficiary, cents, $"{article.Label.ToLowerInvariant()} {month}"));
        }
    }
}
