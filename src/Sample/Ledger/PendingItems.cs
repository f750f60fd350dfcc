namespace Bascule.Sample.Ledger;

/// <summary>An open payable or receivable waiting for its bank document: the account and third party to settle, and how much.</summary>
public sealed record PendingItem(string Account, string ThirdParty, long Cents, string Reference);

/// <summary>
/// Open items settled first in, first out by the bank journal. Bounded, so that memory stays flat: when full, the
/// oldest item simply stays open at year end, as some invoices do.
/// </summary>
public sealed class PendingItems
{
    private const int Capacity = 1024;
    private readonly Queue<PendingItem> _items = new();

    public int Count => _items.Count;

    public void Add(PendingItem item)
    {
        if (_items.Count == Capacity)
        {
            _items.Dequeue();
        }

        _items.Enqueue(item);
    }

    public PendingItem Take() => _items.Dequeue();

    /// <summary>The items still open, oldest first, as the next year takes them over.</summary>
    public IReadOnlyList<PendingItem> Snapshot() => [.. _items];
}
