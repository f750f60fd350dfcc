using Bascule.Extract;
using Bascule.Extract.Records;

namespace Bascule.Sample.Tests.History;

/// <summary>
/// One written year as the project's own Extract stage reads it: the closing balance per account from BALANCE.csv
/// and the opening per account from the ledger's OUV lines, in net debit-minus-credit euros. Any rejected record
/// fails the test: a history is clean input, year after year.
/// </summary>
internal sealed record ExtractedYear(
    int Year,
    IReadOnlyDictionary<string, decimal> Closing,
    IReadOnlyDictionary<string, decimal> Opening,
    decimal OpeningNet)
{
    public const string OpeningJournal = "OUV";

    /// <summary>Net of classes 6 and 7 at closing: charges minus income, as the next opening carries it.</summary>
    public decimal Result => Closing.Where(a => a.Key[0] is '6' or '7').Sum(a => a.Value);

    public static async Task<ExtractedYear> ReadAsync(string folder)
    {
        var ct = TestContext.Current.CancellationToken;
        var export = LegacyExport.Open(folder);
        var closing = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var record in export.ReadBalanceAsync(ct))
        {
            var line = Clean(record);
            closing.Add(line.Account.Value, line.ClosingDebit.Value - line.ClosingCredit.Value);
        }

        var opening = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var openingNet = 0m;
        await foreach (var record in export.ReadLedgerAsync(ct))
        {
            var line = Clean(record);
            if (line.Journal == OpeningJournal)
            {
                var net = line.Debit.Value - line.Credit.Value;
                opening[line.Account.Value] = opening.GetValueOrDefault(line.Account.Value) + net;
                openingNet += net;
            }
        }

        return new ExtractedYear(export.Control.FiscalYear.Value, closing, opening, openingNet);
    }

    private static T Clean<T>(Parsed<T> record)
        where T : class
    {
        Assert.False(
            record.IsRejected,
            $"{record.Rejected?.Reason} {record.Rejected?.Column}: {record.Rejected?.Message} in «{record.Rejected?.RawText}»");
        return record.Value!;
    }
}
