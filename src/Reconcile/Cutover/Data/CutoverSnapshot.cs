using System.Globalization;
using Bascule.Extract.Privacy;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Cutover.Data;

/// <summary>Everything the cut-over reads from the staging database for one run, aggregated by the database.</summary>
internal sealed record CutoverSnapshot(
    RunSummary Run,
    IReadOnlyList<(string Legacy, string Target, Sides Sides)> Flows,
    IReadOnlyList<(string Account, string Label, Sides Closing)> Balance,
    IReadOnlyList<(string Kind, string Account, long Count, Sides Sides)> LedgerSource,
    IReadOnlyList<ThirdPartyDocument> Documents,
    IReadOnlyDictionary<string, string> ThirdPartyNames,
    IReadOnlyList<CommitmentRecord> Commitments,
    IReadOnlyList<BudgetArticleRecord> BudgetArticles,
    IReadOnlyList<(string Article, string Economic, string? Function, decimal Weight)> ArticleTargets,
    PersonalDataMasker Masker)
{
    public const string Published = "published";

    /// <summary>
    /// Reads a published run; <paramref name="withNames"/> also reads third parties' names (personal data) for the open
    /// items. The masker of the labels is read either way.
    /// </summary>
    public static async Task<CutoverSnapshot> ReadAsync(IStagingProvider provider, string runId, bool withNames, CancellationToken cancellationToken)
    {
        await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
        var db = new StagingReader(provider, connection, runId);
        var run = (await db.RowsAsync(Queries.Run, StagingSnapshot.ReadRun, cancellationToken)).SingleOrDefault()
            ?? throw new CutoverException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and --connection) and give a published one.");
        if (run.RunStatus != Published)
        {
            throw new CutoverException(
                $"Run {runId} ({run.Entity} {run.FiscalYear}) is {run.RunStatus}, not published: a cut-over starts only from the published run of an entity and year. " +
                "Take the published run from `bascule runs`, or publish a new one with `bascule migrate`.");
        }

        return new CutoverSnapshot(
            run,
            await db.RowsAsync(CutoverQueries.Flows, r => (r.Text(0), r.Text(1), new Sides(r.Money(2), r.Money(3))), cancellationToken),
            await db.RowsAsync(CutoverQueries.LegacyBalance, r => (r.Text(0), r.Text(1), new Sides(r.Money(2), r.Money(3))), cancellationToken),
            await db.RowsAsync(CutoverQueries.LedgerSource, r => (r.Text(0), r.Text(1), r.Count(2), new Sides(r.Money(3), r.Money(4))), cancellationToken),
            await db.RowsAsync(CutoverQueries.ThirdPartyDocuments, r => new ThirdPartyDocument(r.Text(0), r.Text(1), Code(r.OptionalText(2)), r.Text(3), r.Text(4), Day(r.Text(5)), new Sides(r.Money(6), r.Money(7))), cancellationToken),
            withNames
                ? (await db.RowsAsync(CutoverQueries.ThirdPartyNames, r => (Code: r.Text(0), Name: r.Text(1)), cancellationToken)).DistinctBy(p => p.Code).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal),
            await db.RowsAsync(CutoverQueries.Commitments, r => new CommitmentRecord((int)r.Count(0), r.Text(1), r.Text(2), r.OptionalText(3) is { } date ? Day(date) : null, Code(r.OptionalText(4)), r.Text(5), r.Money(6), r.Money(7)), cancellationToken),
            await db.RowsAsync(CutoverQueries.BudgetArticles, r => new BudgetArticleRecord(r.Text(0), r.Text(1), r.Text(2), r.Money(3), r.Money(4)), cancellationToken),
            await db.RowsAsync(CutoverQueries.ArticleTargets, r => (r.Text(0), r.Text(1), Code(r.OptionalText(2)), r.Money(3) + r.Money(4)), cancellationToken),
            await StagedThirdParties.MaskerAsync(db, cancellationToken));
    }

    private static string? Code(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    // SQLite keeps dates as ISO text, the other providers as dates; both read back through their invariant text.
    private static DateOnly Day(string text) => DateOnly.FromDateTime(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None));
}

/// <summary>The staged lines of one document on one receivable or payable account, for one third party (or none).</summary>
internal sealed record ThirdPartyDocument(string Target, string Legacy, string? ThirdParty, string Journal, string Document, DateOnly Date, Sides Sides);

/// <summary>A <c>commitments</c> row.</summary>
internal sealed record CommitmentRecord(int FiscalYear, string Article, string Number, DateOnly? Date, string? ThirdParty, string Label, decimal Committed, decimal Charged);

/// <summary>A <c>budget_articles</c> row (<c>ARTICLES.csv</c>): <paramref name="Kind"/> is <c>D</c> (expenditure) or <c>R</c> (revenue).</summary>
internal sealed record BudgetArticleRecord(string Article, string Label, string Kind, decimal Committed, decimal Charged);
