using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Reading;

/// <summary>
/// Parses <c>BALANCE.csv</c> records. A trial balance has one line per general account: a second line for an account
/// is rejected as a duplicate (the first is kept), so the reconciliation compares each account once.
/// </summary>
internal sealed class BalanceLineParser : IRecordParser<BalanceLine>
{
    private const int Year = 0, Account = 1, Label = 2, OpeningDebit = 3, OpeningCredit = 4, MovementDebit = 5, MovementCredit
        = 6, ClosingDebit = 7, ClosingCredit = 8;

    private readonly Dictionary<string, long> _accounts = new(StringComparer.Ordinal);

    public Parsed<BalanceLine> Parse(RowParser row)
    {
        if (!row.TryYear(Year, out var year)
            || !row.TryAccount(Account, out var account)
            || !row.TryAmount(OpeningDebit, out var openingDebit)
            || !row.TryAmount(OpeningCredit, out var openingCredit)
            || !row.TryAmount(MovementDebit, out var movementDebit)
            || !row.TryAmount(MovementCredit, out var movementCredit)
            || !row.TryAmount(ClosingDebit, out var closingDebit)
            || !row.TryAmount(ClosingCredit, out var closingCredit))
        {
            return row.Rejection<BalanceLine>();
        }

        if (!_accounts.TryAdd(account.Value, row.Reader.Line))
        {
            row.Fail(
                Account,
                RejectReason.DuplicateLine,
                $"account {account.Value} already has a line (line {_accounts[account.Value]}): a trial balance has one line per account.");
            return row.Rejection<BalanceLine>();
        }

        return Parsed<BalanceLine>.Ok(new BalanceLine(
            row.Reader.Lineage, year, account, row.Text(
                Label), openingDebit, openingCredit, movementDebit, movementCredit, closingDebit, closingCredit));
    }

    // The control totals of the trial balance are its opening plus movements, per side: the ledger's own totals.
    public (Amount Debit, Amount Credit) Totals(BalanceLine record) =>
        (record.OpeningDebit + record.MovementDebit, record.OpeningCredit + record.MovementCredit);
}
