using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Reconcile.Tests.Support;
using Bascule.Transform;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// The opening entry recomputed without the staging database: each balance-sheet account's closing balance read from
/// the sample's own <c>BALANCE.csv</c>, sent through the mapping rules as one line, summed per new account; the closing
/// balances of classes 6 and 7 summed into the result account.
/// </summary>
internal static class IndependentClosing
{
    public static async Task<IReadOnlyDictionary<string, decimal>> OpeningBalancesAsync(
        string exportFolder,
        string resultAccount,
        CancellationToken cancellationToken)
    {
        var export = LegacyExport.Open(exportFolder);
        var mapper = MappingVersion.Load(SampleRun.MappingFolder).CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
        var opening = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var result = 0m;
        await foreach (var parsed in export.ReadBalanceAsync(cancellationToken))
        {
            var line = parsed.Value!;
            var net = line.ClosingDebit.Value - line.ClosingCredit.Value;
            if (line.Account.Class is 6 or 7)
            {
                result += net;
                continue;
            }

            var asLine = new LedgerLine(
                line.Lineage, line.Year, "OUV", "0", "1", new DateOnly(line.Year.Value, 12, 31), line
                    .Account, null, Service.None, null, line.Label,
                Amount.FromEuros(net > 0 ? net : 0m), Amount.FromEuros(net < 0 ? -net : 0m));
            var mapped = mapper.Map(asLine);
            Assert.False(mapped.IsUnmapped, $"legacy account {line.Account} has no rule");
            foreach (var target in mapped.Targets)
            {
                opening[target.Account] = opening.GetValueOrDefault(target.Account) + target.Debit.Value - target.Credit.Value;
            }
        }

        opening[resultAccount] = opening.GetValueOrDefault(resultAccount) + result;
        return opening.Where(o => o.Value != 0m || o.Key == resultAccount).ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
    }

    public static async Task<decimal> ResultAsync(string exportFolder, CancellationToken cancellationToken)
    {
        var result = 0m;
        await foreach (var parsed in LegacyExport.Open(exportFolder).ReadBalanceAsync(cancellationToken))
        {
            if (parsed.Value is { Account.Class: 6 or 7 } line)
            {
                result += line.ClosingDebit.Value - line.ClosingCredit.Value;
            }
        }

        return result;
    }
}
