using System.Runtime.CompilerServices;
using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.Transform.Coverage;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Reads an export once for suggestions: the ledger goes through the coverage check (<see cref="ExportCoverage"/>,
/// the same as <c>bascule mapping validate --export</c>) while the evidence is gathered from it, then the labels of
/// <c>BALANCE.csv</c> and <c>ARTICLES.csv</c>. Damaged lines are Extract's business: they are counted, not used.
/// File-level faults throw <see cref="ExportFileException"/>.
/// </summary>
public static class ExportReading
{
    public static async Task<ExportRead> ReadAsync(
        MappingVersion version,
        LegacyExport export,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(export);
        var collector = new ExportEvidenceCollector();
        var rejected = new StrongBox<long>();
        var coverage = await ExportCoverage.ComputeAsync(
            version,
            collector.Observe(Accepted(export.ReadLedgerAsync(cancellationToken), rejected), cancellationToken),
            export.Control.EntityType,
            export.Control.FiscalYear,
            cancellationToken);
        await foreach (var parsed in export.ReadBalanceAsync(cancellationToken))
        {
            if (parsed.Value is { } line)
            {
                collector.Add(line);
            }
        }

        await foreach (var parsed in export.ReadArticlesAsync(cancellationToken))
        {
            if (parsed.Value is { } line)
            {
                collector.Add(line);
            }
        }

        return new ExportRead(coverage, collector.Build(export.Control.EntityType, export.Control.FiscalYear), rejected.Value);
    }

    private static async IAsyncEnumerable<LedgerLine> Accepted(IAsyncEnumerable<Parsed<LedgerLine>> lines, StrongBox<long> rejected)
    {
        await foreach (var parsed in lines)
        {
            if (parsed.Value is { } line)
            {
                yield return line;
            }
            else
            {
                rejected.Value++;
            }
        }
    }
}
