using Bascule.Extract;
using Bascule.Extract.Records;

namespace Bascule.Reconcile.Tests.Cutover;

/// <summary>
/// What the legacy files themselves say, read without the staging database, for the figures the cut-over's checks must
/// agree with: the control accounts' closings in <c>BALANCE.csv</c>, ENGAGE − IMPUTE of <c>ARTICLES.csv</c>, and the
/// records of <c>ENGAGEMENTS.csv</c> and <c>ECRITURES.csv</c> that tests take out.
/// </summary>
internal static class LegacyFiles
{
    /// <summary>Receivables 40, 41 and payables 44, 45: spelt out here rather than taken from the code under test.</summary>
    public static bool IsControl(string account) => account[..2] is "40" or "41" or "44" or "45";

    /// <summary>Per control account of <c>BALANCE.csv</c>, its closing, debit − credit.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ControlClosingsAsync(
        string exportFolder,
        CancellationToken cancellationToken)
    {
        var closings = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var parsed in LegacyExport.Open(exportFolder).ReadBalanceAsync(cancellationToken))
        {
            var line = parsed.Value!;
            if (IsControl(line.Account.Value))
            {
                closings[line.Account.Value] = closings.GetValueOrDefault(line.Account.Value) + line.ClosingDebit.Value
                    - line.ClosingCredit.Value;
            }
        }

        return closings;
    }

    /// <summary>Per expenditure article of <c>ARTICLES.csv</c>, ENGAGE − IMPUTE: what is still committed at year end.</summary>
    public static async Task<IReadOnlyDictionary<string, decimal>> ExpenditureStillCommittedAsync(
        string exportFolder,
        CancellationToken cancellationToken)
    {
        var open = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        await foreach (var parsed in LegacyExport.Open(exportFolder).ReadArticlesAsync(cancellationToken))
        {
            if (parsed.Value is { Kind: ArticleKind.Expenditure } line)
            {
                open[line.Article.ToString()] = open.GetValueOrDefault(line.Article.ToString()) + line.Committed.Value - line.Charged.Value;
            }
        }

        return open;
    }

    public static async Task<FileRecords<CommitmentLine>> CommitmentsAsync(string exportFolder, CancellationToken cancellationToken) =>
        await RecordsAsync(LegacyExport.Open(exportFolder).ReadCommitmentsAsync(cancellationToken), c => c.Lineage);

    public static async Task<FileRecords<LedgerLine>> LedgerAsync(string exportFolder, CancellationToken cancellationToken) =>
        await RecordsAsync(LegacyExport.Open(exportFolder).ReadLedgerAsync(cancellationToken), l => l.Lineage);

    private static async Task<FileRecords<T>> RecordsAsync<T>(IAsyncEnumerable<Parsed<T>> records, Func<T, Lineage> lineage)
        where T : class
    {
        var values = new List<T>();
        var all = new List<Lineage>();
        await foreach (var parsed in records)
        {
            if (parsed.Value is { } value)
            {
                values.Add(value);
            }

            all.Add(parsed.Rejected?.Lineage ?? lineage(parsed.Value!));
        }

        return new FileRecords<T>(values, all);
    }
}

/// <summary>The records of a file that parsed, and where every record starts, rejected ones included.</summary>
internal sealed record FileRecords<T>(IReadOnlyList<T> Values, IReadOnlyList<Lineage> All);
