using System.Collections.Concurrent;
using Bascule.Extract.Records;
using Bascule.Transform.Coverage;
using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>A committed sample read once with the real Extract stage: its ledger lines and its evidence for suggestions.</summary>
internal sealed record SampleEvidence(string Name, IReadOnlyList<LedgerLine> Lines, ExportEvidence Evidence)
{
    private static readonly ConcurrentDictionary<string, Task<SampleEvidence>> Read = new(StringComparer.Ordinal);

    /// <summary>The sample, read once for all the tests that use it.</summary>
    public static Task<SampleEvidence> ReadAsync(string name) => Read.GetOrAdd(name, ReadNowAsync);

    private static async Task<SampleEvidence> ReadNowAsync(string name)
    {
        var export = SampleExports.Open(name);
        var collector = new ExportEvidenceCollector();
        var lines = await SampleExports.ReadAllAsync(export);
        lines.ForEach(collector.Add);
        await foreach (var balance in export.ReadBalanceAsync())
        {
            if (balance.Value is { } line)
            {
                collector.Add(line);
            }
        }

        await foreach (var article in export.ReadArticlesAsync())
        {
            if (article.Value is { } line)
            {
                collector.Add(line);
            }
        }

        return new SampleEvidence(name, lines, collector.Build(export.Control.EntityType, export.Control.FiscalYear));
    }

    public Task<CoverageReport> CoverageAsync(MappingVersion version) =>
        ExportCoverage.ComputeAsync(
            version,
            Lines.ToAsyncEnumerable(),
            Evidence.EntityType,
            Evidence.Year,
            TestContext.Current.CancellationToken);

    public async Task<SuggestionReport> SuggestAsync(MappingVersion version, SuggestionWeights? weights = null) =>
        SuggestionEngine.Suggest(version, await CoverageAsync(version), Evidence, weights: weights);
}
