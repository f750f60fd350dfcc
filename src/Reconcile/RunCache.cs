using System.Collections.Concurrent;
using Bascule.Load.Runs;

namespace Bascule.Reconcile;

/// <summary>
/// What <c>serve</c> keeps per run whose lines no longer change (published, held, superseded): its reconciliation, the
/// masker of its third parties, its unbalanced documents. At most <paramref name="capacity"/> runs are kept, the one put
/// in first forgotten first, so memory does not grow with the runs a fleet's readers open. Safe from any thread; two
/// requests that compute the same run's value at once keep one of them.
/// </summary>
public sealed class RunCache<T>(int capacity = RunCache<T>.DefaultCapacity)
{
    public const int DefaultCapacity = 16;

    private readonly ConcurrentDictionary<RunId, T> _values = new();
    private readonly ConcurrentQueue<RunId> _order = new();

    public int Count => _values.Count;

    public bool TryGet(RunId run, out T value) => _values.TryGetValue(run, out value!);

    /// <summary>The run's value, made by <paramref name="create"/> when there is none (cheap: a lazy computation at most).</summary>
    public T GetOrAdd(RunId run, Func<RunId, T> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (_values.TryGetValue(run, out var known))
        {
            return known;
        }

        var made = create(run);
        return TryAdd(run, made) || !_values.TryGetValue(run, out known) ? made : known;
    }

    public void Set(RunId run, T value)
    {
        if (!TryAdd(run, value))
        {
            _values[run] = value;
        }
    }

    /// <summary>Forgets the run's value if it is still <paramref name="value"/> (a computation that failed, say).</summary>
    public bool TryRemove(RunId run, T value) => _values.TryRemove(new KeyValuePair<RunId, T>(run, value));

    // A run new to the cache goes to the end of the order; the runs over the capacity are forgotten from its start.
    private bool TryAdd(RunId run, T value)
    {
        if (!_values.TryAdd(run, value))
        {
            return false;
        }

        _order.Enqueue(run);
        while (_order.Count > capacity && _order.TryDequeue(out var oldest))
        {
            _values.TryRemove(oldest, out _);
        }

        return true;
    }
}
