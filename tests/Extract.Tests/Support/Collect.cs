using Bascule.Extract.Records;

namespace Bascule.Extract.Tests.Support;

internal static class Collect
{
    public static async Task<List<Parsed<T>>> AllAsync<T>(IAsyncEnumerable<Parsed<T>> records)
        where T : class
    {
        var list = new List<Parsed<T>>();
        await foreach (var record in records)
        {
            list.Add(record);
        }

        return list;
    }

    public static async Task<List<T>> AcceptedAsync<T>(IAsyncEnumerable<Parsed<T>> records)
        where T : class =>
        [.. (await AllAsync(records)).Where(p => !p.IsRejected).Select(p => p.Value!)];

    public static async Task<List<Rejected>> RejectedAsync<T>(IAsyncEnumerable<Parsed<T>> records)
        where T : class =>
        [.. (await AllAsync(records)).Where(p => p.IsRejected).Select(p => p.Rejected!)];
}
