using Bascule.Extract;
using Bascule.Extract.Profiles;
using Bascule.Reconcile.Model;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// The accepted source ledger lines, summed per year, journal, account and article: the "source" side of checks 3, 5, 7
/// and 8. Either recomputed from <c>ECRITURES.csv</c> itself (the export folder was given), summed by a migration from its
/// own read of it (<see cref="LoadedSource"/>), or read back from the staging database (each staged record's source amounts
/// once, plus the unmapped lines). Only the first two catch a ledger line that vanished from the staging database without
/// a trace.
/// </summary>
internal sealed class SourceLedger
{
    private SourceLedger(string origin, IReadOnlyDictionary<LedgerKey, DebitCredit> lines)
    {
        Origin = origin;
        Lines = lines;
    }

    /// <summary>The file name of the ledger, or <c>staging</c> when the figures were read back from the database.</summary>
    public string Origin { get; }

    public IReadOnlyDictionary<LedgerKey, DebitCredit> Lines { get; }

    public const string FromStaging = "staging";

    public static SourceLedger FromDatabase(StagingSnapshot snapshot)
    {
        var lines = new Dictionary<LedgerKey, DebitCredit>();
        foreach (var (key, sides) in snapshot.StagedSource.Select(s => (s.Key, s.Amounts))
            .Concat(snapshot.Unmapped.Select(u => (u.Key, u.Amounts))))
        {
            lines[key] = lines.GetValueOrDefault(key) + sides;
        }

        return new SourceLedger(FromStaging, lines);
    }

    /// <summary>The ledger as the load read it (<see cref="LoadedSource"/>): figures summed from the parsed records, before
    /// mapping.</summary>
    public static SourceLedger FromRead(string ledgerFile, IReadOnlyDictionary<LedgerKey, DebitCredit> lines) => new(ledgerFile, lines);

    public static async Task<SourceLedger> FromExportAsync(LegacyExport export, CancellationToken cancellationToken)
    {
        var lines = new Dictionary<LedgerKey, DebitCredit>();
        await foreach (var parsed in export.ReadLedgerAsync(cancellationToken))
        {
            if (parsed.Value is { } line)
            {
                var key = new LedgerKey(line.Year.Value, line.Journal, line.Account.Value, line.Article?.ToString());
                lines[key] = lines.GetValueOrDefault(key) + new DebitCredit(line.Debit.Value, line.Credit.Value);
            }
        }

        return new SourceLedger(export.Profile.Layout(ExportFile.Ledger).FileName, lines);
    }
}
