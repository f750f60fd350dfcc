using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.TestSupport;

namespace Bascule.Sample.Tests;

/// <summary>The committed samples are clean input: the Extract stage reads every record of them and rejects none.</summary>
public sealed class ExtractReadsSamplesTests
{
    [Theory]
    [InlineData("commune-etterbeek-2022")]
    [InlineData("commune-etterbeek-2023")]
    [InlineData("cpas-etterbeek-2023")]
    public async Task Extract_reads_every_sample_record_without_a_reject(string sample)
    {
        var ct = TestContext.Current.CancellationToken;
        var export = LegacyExport.Open(RepositoryRoot.Combine("samples", sample));

        await AssertClean(export, "ECRITURES.csv", export.ReadLedgerAsync(ct));
        await AssertClean(export, "BALANCE.csv", export.ReadBalanceAsync(ct));
        await AssertClean(export, "ARTICLES.csv", export.ReadArticlesAsync(ct));
        await AssertClean(export, "TIERS.csv", export.ReadThirdPartiesAsync(ct));
        await AssertClean(export, "ENGAGEMENTS.csv", export.ReadCommitmentsAsync(ct));
    }

    private static async Task AssertClean<T>(LegacyExport export, string file, IAsyncEnumerable<Parsed<T>> records)
        where T : class
    {
        long count = 0;
        await foreach (var record in records)
        {
            Assert.False(
                record.IsRejected,
                $"{file}: {record.Rejected?.Reason} {record.Rejected?.Column}: {record.Rejected?.Message} in «{record.Rejected?.RawText}»");
            count++;
        }

        Assert.Equal(export.Control.Entry(file)!.Lines, count);
    }
}
