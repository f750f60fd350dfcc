using Bascule.Extract;
using Bascule.Extract.Records;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The ledger lines of an export for the mapping commands. Damaged lines are Extract's business (rejected with a
/// reason); the mapping checks look at the lines that would reach the mapping, and count the others.
/// </summary>
public sealed class MappingExportLines(LegacyExport export)
{
    public LegacyExport Export { get; } = export;

    public long Rejected { get; private set; }

    public async IAsyncEnumerable<LedgerLine> ReadAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var parsed in Export.ReadLedgerAsync(cancellationToken))
        {
            if (parsed.Value is { } line)
            {
                yield return line;
            }
            else
            {
                Rejected++;
            }
        }
    }
}
