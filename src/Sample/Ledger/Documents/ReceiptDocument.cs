namespace Bascule.Sample.Ledger.Documents;

/// <summary>A bank statement collecting open receivables (FIN): one debit to the bank, a credit per receivable collected.</summary>
public sealed class ReceiptDocument : DocumentKind
{
    public override string Journal => "FIN";

    public override int Weight(DocumentContext context) => context.Receivables.Count > 0 ? 140 : 0;

    public override bool Allows(int size, DocumentContext context) => size >= 2 && size <= 8 && size - 1 <= context.Receivables.Count;

    public override int PreferredSize(DocumentContext context) => context.Random.Between(2, 8);

    public override void Compose(DocumentContext context, DateOnly bookingDate, int size, List<LedgerEntry> lines)
    {
        var statement = context.NextReference();
        var bank = context.BankAccount();
        var bankLine = lines.Count;
        long total = 0;
        for (var i = 1; i < size; i++)
        {
            var item = context.Receivables.Take();
            total += item.Cents;
            lines.Add(
                LedgerEntry.Credit(item.Account, item.Cents, context.Label($"Encaissement {item.Reference}"), thirdParty: item.ThirdParty));
        }

        lines.Insert(bankLine, LedgerEntry.Debit(bank, total, context.Label($"Extrait de compte {statement}")));
    }
}
