using System.Data.Common;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Rows;
using Bascule.Load.Runs;

namespace Bascule.MigrateBench;

/// <summary>A real provider whose bulk path only turns rows into values and drops them: isolates the database's share of the
/// time.</summary>
internal sealed class DiscardingProvider(IStagingProvider inner) : IStagingProvider
{
    public StagingProviderKind Kind => inner.Kind;

    public string Target => inner.Target + " (rows discarded)";

    public Task<DbConnection> OpenAsync(CancellationToken cancellationToken) => inner.OpenAsync(cancellationToken);

    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => inner.EnsureSchemaAsync(cancellationToken);

    public Task WriteBatchAsync(
        DbConnection connection,
        DbTransaction transaction,
        StagingBatch batch,
        RunId run,
        int batchNumber,
        CancellationToken cancellationToken)
    {
        foreach (var table in Bascule.Load.Tables.StagingTables.All)
        {
            table.Write(batch, run, batchNumber, new NullSink());
        }

        return Task.CompletedTask;
    }

    public bool IsTransient(Exception exception) => inner.IsTransient(exception);

    public Amount ReadAmount(DbDataReader reader, int ordinal) => inner.ReadAmount(reader, ordinal);

    public object ToParameter(Amount amount) => inner.ToParameter(amount);

    public string Scrub(string message) => inner.Scrub(message);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private sealed class NullSink : IRowSink
    {
        public void BeginRow()
        {
        }

        public void Text(string? value)
        {
        }

        public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length)
        {
        }

        public void Number(int value)
        {
        }

        public void BigNumber(long value)
        {
        }

        public void Amount(Amount value)
        {
        }

        public void Day(DateOnly? value)
        {
        }

        public void EndRow()
        {
        }
    }
}
