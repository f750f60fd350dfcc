using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger.Documents;

/// <summary>
/// A correction (OD) booked the legacy way, with negative amounts that stay on their side: either a credit note
/// (negative charge, negative payable) or a charge moved from one article to another (negative debit, positive
/// debit). Only part of what an article already carries is corrected, so no article ends below zero.
/// </summary>
public sealed class CorrectionDocument : DocumentKind
{
    public override string Journal => "OD";

    public override int Weight(DocumentContext context) => context.Articles(ArticleUse.Purchase).Count > 1 ? 25 : 0;

    public override bool Allows(int size, DocumentContext context) => size == 2;

    public override int PreferredSize(DocumentContext context) => 2;

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var purchases = context.Articles(ArticleUse.Purchase);
        var fromIndex = context.Random.Next(purchases.Count);
        var from = purchases[fromIndex];
        var carried = context.Totals.Articles[from.Code].Charged;
        var cents = Math.Min(context.Draw(from.TypicalAmount * 0.3m), carried / 2);
        var reference = context.NextReference();
        if (cents < 100)
        {
            // Nothing worth correcting yet on that article: the clerk books a small invoice instead of a correction.
            cents = context.Draw(from.TypicalAmount);
            lines.Add(LedgerEntry.Debit(from.Account, cents, context.Label($"{from.Label} - régularisation {reference}"), from));
            lines.Add(LedgerEntry.Credit(LegacyCatalog.CurrentAccount, cents, context.Label($"Régularisation {reference}")));
            return;
        }

        if (context.Random.Chance(0.5))
        {
            var supplier = context.ThirdParties.Supplier(context.Random.Next(context.ThirdParties.SupplierCount));
            lines.Add(
                LedgerEntry.Debit(from.Account, -cents, context.Label($"Note de crédit {reference} - {from.Label}"), from, supplier.Code));
            lines.Add(LedgerEntry.Credit(
                LegacyCatalog.Suppliers,
                -cents,
                context.Label($"Note de crédit {reference} {supplier.Name}"),
                thirdParty: supplier.Code));
            return;
        }

        var to = purchases[(fromIndex + context.Random.Between(1, purchases.Count - 1)) % purchases.Count];
        var label = $"Correction d'imputation {reference} : {from.Code} vers {to.Code}";
        lines.Add(LedgerEntry.Debit(from.Account, -cents, context.Label(label), from));
        lines.Add(LedgerEntry.Debit(to.Account, cents, context.Label(label), to));
    }
}
