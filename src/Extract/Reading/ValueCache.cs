namespace Bascule.Extract.Reading;

/// <summary>
/// Reuses the parsed value of a code seen before (accounts, articles): an export has a few thousand distinct codes
/// over millions of lines, so this saves most allocations. Bounded, so a file of all-different codes cannot grow it.
/// </summary>
internal sealed class ValueCache<T>
    where T : class
{
    private const int MaxEntries = 100_000;

    private readonly Dictionary<string, T> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public ValueCache() => _lookup = _values.GetAlternateLookup<ReadOnlySpan<char>>();

    public bool TryGet(ReadOnlySpan<char> text, out T? value) => _lookup.TryGetValue(text, out value);

    public void Add(ReadOnlySpan<char> text, T value)
    {
        if (_values.Count < MaxEntries)
        {
            _lookup.TryAdd(text, value);
        }
    }
}
