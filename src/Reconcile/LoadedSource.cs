using System.Runtime.InteropServices;
using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile;

/// <summary>
/// The source side of a migration's reconciliation, taken from the load's own reading of the export instead of a
/// second one: every accepted ledger record is summed here as the reader gives it, before it is mapped, apart from
/// the load's counters and from anything staged. The staged side is still read back from the database, so a line lost
/// or changed between the reader and the database still shows as a difference. What the second read also caught, a file
/// that changed during the run, the hashes catch: <see cref="LegacyExport.VerifyRecordCounts"/> hashes each file as it
/// counts it (the SHA-256 the run records), the load hashes the bytes it parses (<see cref="FileSummary.Sha256"/>), and
/// the completeness check compares the two.
/// </summary>
public sealed class LoadedSource(LegacyExport export)
{
    private readonly Dictionary<ReadKey, DebitCredit> _lines = [];

    public LegacyExport Export { get; } = export;

    /// <summary>One accepted ledger record, as parsed: before mapping, whatever becomes of it.</summary>
    public void Add(LedgerLine line)
    {
        ref var sides = ref CollectionsMarshal.GetValueRefOrAddDefault(
            _lines,
            new ReadKey(line.Year, line.Journal, line.Account, line.Article),
            out _);
        sides += new DebitCredit(line.Debit.Value, line.Credit.Value);
    }

    // Once the load has read the export: the ledger summed at the reconciliation's grain, and the hash of each file as the
    // load parsed it (none for a file whose read did not reach its end, which the hash check then fails).
    internal SourceSide Side()
    {
        var lines = new Dictionary<LedgerKey, DebitCredit>();
        foreach (var (key, sides) in _lines)
        {
            var ledgerKey = new LedgerKey(key.Year.Value, key.Journal, key.Account.Value, key.Article?.ToString());
            lines[ledgerKey] = lines.GetValueOrDefault(ledgerKey) + sides;
        }

        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            if (Export.Summary(file) is { Completed: true, Sha256: { } sha256 } summary)
            {
                hashes[summary.Name] = sha256;
            }
        }

        return new SourceSide(Export, SourceLedger.FromRead(Export.Profile.Layout(ExportFile.Ledger).FileName, lines), hashes);
    }

    // The parsed values themselves as the key: the article's text is built once per key, not once per line.
    private readonly record struct ReadKey(FiscalYear Year, string Journal, AccountCode Account, BudgetArticle? Article);
}
