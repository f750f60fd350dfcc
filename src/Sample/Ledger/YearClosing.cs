using Bascule.Extract.Values;
using Bascule.Sample.Catalog;

namespace Bascule.Sample.Ledger;

/// <summary>
/// What one generated year hands to the next, so that consecutive samples form one history: the closing balance
/// of every account (in cents, positive on the debit side), the year's result, and the payables and receivables
/// still open. It holds a few dozen balances and at most the open items' bounded queues, whatever the line count.
/// </summary>
public sealed class YearClosing
{
    private readonly Dictionary<string, long> _balances;

    private YearClosing(
        FiscalYear year,
        Dictionary<string, long> balances,
        IReadOnlyList<PendingItem> payables,
        IReadOnlyList<PendingItem> receivables)
    {
        Year = year;
        _balances = balances;
        Payables = payables;
        Receivables = receivables;
    }

    public FiscalYear Year { get; }

    /// <summary>
    /// The year's result in net debit-minus-credit terms: charges (class 6) minus income (class 7). A surplus is
    /// negative (a credit), as it adds to the equity it is carried onto.
    /// </summary>
    public long Result => _balances.Where(b => IsResultAccount(b.Key)).Sum(b => b.Value);

    /// <summary>Payables still open at year end, oldest first: the next year's bank journal pays them first.</summary>
    public IReadOnlyList<PendingItem> Payables { get; }

    /// <summary>Receivables still open at year end, oldest first: the next year's bank journal collects them first.</summary>
    public IReadOnlyList<PendingItem> Receivables { get; }

    /// <summary>The closing balance of an account, zero when the year never booked on it.</summary>
    public long Closing(string account) => _balances.GetValueOrDefault(account);

    public static YearClosing From(DocumentContext context) =>
        new(context.Year,
            context.Totals.Accounts.ToDictionary(a => a.Key, a => a.Value.Closing, StringComparer.Ordinal),
            context.Payables.Snapshot(),
            context.Receivables.Snapshot());

    private static bool IsResultAccount(string account) => account[0] is '6' or '7';

    /// <summary>Whether an account belongs to the balance sheet (classes 1 to 5), whose balances the next year opens with.</summary>
    public static bool IsBalanceSheet(CatalogAccount account) => account.Class is >= 1 and <= 5;
}
