using Bascule.Extract.Privacy;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Cutover.Data;

/// <summary>Everything the cut-over reads from the staging database for one run, aggregated by the database.</summary>
internal sealed record CutoverSnapshot(
    RunSummary Run,
    IReadOnlyList<(string Legacy, string Target, DebitCredit Amounts)> Flows,
    IReadOnlyList<(string Account, string Label, DebitCredit Closing)> Balance,
    IReadOnlyList<(string Kind, string Account, long Count, DebitCredit Amounts)> LedgerSource,
    IReadOnlyList<ThirdPartyDocument> Documents,
    IReadOnlyDictionary<string, string> ThirdPartyNames,
    IReadOnlyList<CommitmentRecord> Commitments,
    IReadOnlyList<BudgetArticleRecord> BudgetArticles,
    IReadOnlyList<(string Article, string Economic, string? Function, decimal Weight)> ArticleTargets,
    PersonalDataMasker Masker)
{
    /// <summary>
    /// Reads a published run; <paramref name="withNames"/> also reads third parties' names (personal data) for the open
    /// items. The masker of the labels is read either way.
    /// </summary>
    public static async Task<CutoverSnapshot> ReadAsync(
        IStagingProvider provider,
        RunId runId,
        bool withNames,
        CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(connection, runId);
        var run = await StagingSnapshot.ReadRunAsync(db, cancellationToken)
            ?? throw new CutoverException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and "
                    + $"--connection) and give a published one.");
        if (run.RunStatus == RunStatus.Held)
        {
            throw new CutoverException(
                $"Run {runId} ({run.Entity} {run.FiscalYear}) is held, not published (its reconciliation FAILED, or is worse than "
                    + "the published run's), and a cut-over starts only from the published run of an entity and year. Once an "
                    + "accountant or auditor has reviewed and signed its report, publish it with "
                    + $"`bascule publish --run {runId} --reason \"<who reviewed it, and why the differences are accepted>\"` (same "
                    + "--provider and --connection; the sign-off records the reason), then run the cut-over again. Or fix the export "
                    + "and migrate again with `bascule migrate`.");
        }

        if (run.RunStatus != RunStatus.Published)
        {
            throw new CutoverException(
                $"Run {runId} ({run.Entity} {run.FiscalYear}) is {run.RunStatus.ToCode()}, not published: a cut-over starts only from the "
                    + $"published run of an entity and year. " +
                "Take the published run from `bascule runs`, or publish a new one with `bascule migrate`.");
        }

        return new CutoverSnapshot(
            run,
            (await db.RowsAsync<CutoverQueries.FlowRow>(CutoverQueries.Flows, cancellationToken)).Select(
                f => (f.Account, f.TargetAccount, f.Amounts)).ToList(),
            (await db.RowsAsync<CutoverQueries.ClosingRow>(CutoverQueries.LegacyBalance, cancellationToken)).Select(
                b => (b.Account, b.Label, b.Amounts)).ToList(),
            (await db.RowsAsync<CutoverQueries.LedgerSourceRow>(CutoverQueries.LedgerSource, cancellationToken)).Select(
                l => (l.Kind, l.Account, l.Records, l.Amounts)).ToList(),
            (await db.RowsAsync<CutoverQueries.DocumentRow>(CutoverQueries.ThirdPartyDocuments, cancellationToken))
                .Select(d => new ThirdPartyDocument(
                    d.TargetAccount,
                    d.Account,
                    Code(d.ThirdParty),
                    d.Journal,
                    d.Document,
                    StoredDate.Parse(d.BookingDate),
                    d.Amounts))
                .ToList(),
            withNames
                ? (await db.RowsAsync<CutoverQueries.ThirdPartyNameRow>(CutoverQueries.ThirdPartyNames, cancellationToken)).DistinctBy(
                    p => p.Code).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            (await db.RowsAsync<CutoverQueries.CommitmentRow>(CutoverQueries.Commitments, cancellationToken))
                .Select(c => new CommitmentRecord(
                    c.FiscalYear, c.Article, c.CommitmentNumber, c.CommitmentDate is { } date
                        ? StoredDate.Parse(date)
                        : null, Code(c.ThirdParty), c.Label, c.Committed.Value, c.Charged.Value))
                .ToList(),
            (await db.RowsAsync<CutoverQueries.BudgetArticleRow>(CutoverQueries.BudgetArticles, cancellationToken))
                .Select(a => new BudgetArticleRecord(a.Article, a.Label, a.Kind, a.Committed.Value, a.Charged.Value))
                .ToList(),
            (await db.RowsAsync<CutoverQueries.ArticleTargetRow>(CutoverQueries.ArticleTargets, cancellationToken))
                .Select(t => (t.Article, t.TargetEconomic, Code(t.TargetFunction), t.Debit.Value + t.Credit.Value))
                .ToList(),
            await StagedThirdParties.MaskerAsync(db, cancellationToken));
    }

    private static string? Code(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>The staged lines of one document on one receivable or payable account, for one third party (or none).</summary>
internal sealed record ThirdPartyDocument(
    string Target,
    string Legacy,
    string? ThirdParty,
    string Journal,
    string Document,
    DateOnly Date,
    DebitCredit Amounts);

/// <summary>A <c>commitments</c> row.</summary>
internal sealed record CommitmentRecord(
    int FiscalYear,
    string Article,
    string Number,
    DateOnly? Date,
    string? ThirdParty,
    string Label,
    decimal Committed,
    decimal Charged);

/// <summary>A <c>budget_articles</c> row (<c>ARTICLES.csv</c>): <paramref name="Kind"/> is <c>D</c> (expenditure) or <c>R</c>
/// (revenue).</summary>
internal sealed record BudgetArticleRecord(string Article, string Label, string Kind, decimal Committed, decimal Charged);
