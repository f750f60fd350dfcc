namespace Bascule.Extract.Reading;

/// <summary>
/// Exposes a synchronous record stream as <see cref="IAsyncEnumerable{T}"/>. Parsing is CPU-bound over a buffered
/// file, so awaiting each record would cost more than it saves; cancellation is checked before every record.
/// </summary>
internal sealed class SyncAsyncEnumerable<T>(Func<IEnumerable<T>> source, CancellationToken readToken) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(source().GetEnumerator(), cancellationToken.CanBeCanceled ? cancellationToken : readToken);

    private sealed class Enumerator(IEnumerator<T> inner, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            cancellationToken.ThrowIfCancellationRequested();
            return ValueTask.FromResult(inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
