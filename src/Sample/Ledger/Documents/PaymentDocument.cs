namespace Bascule.Sample.Ledger.Documents;

/// <summary>A bank statement paying open items (FIN): a debit per payable settled, one credit to the bank for the batch.</summary>
public sealed class PaymentDocument : DocumentKind
{
    public override string Journal => "FIN";

    public override int Weight(DocumentContext context) => context.Payables.Count > 0 ? 240 : 0;

    public override bool Allows(int size, DocumentContext context) => size >= 2 && size <= 8 && size - 1 <= context.Payables.Count;

    public override int PreferredSize(DocumentContext context) => context.Random.Chance(0.5) ? 2 : context.Random.Between(3, 8);

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var statement = context.NextReference();
        long total = 0;
        for (var i = 1; i < size; i++)
        {
            var item = context.Payables.Take();
            total += item.Cents;
            lines.Add(
                LedgerEntry.Debit(item.Account, item.Cents, context.Label($"Paiement {item.Reference}"), thirdParty: item.ThirdParty));
        }

        lines.Add(LedgerEntry.Credit(context.BankAccount(), total, context.Label($"Extrait de compte {statement}")));
    }
}
