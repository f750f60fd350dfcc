using System.Globalization;
using System.Runtime.CompilerServices;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;

namespace Bascule.Reconcile.Diff;

/// <summary>
/// The source ledger lines of a staged run, read back from the staging database as the export held them, so that a
/// mapping change can be weighed against what a run really loaded without the export at hand. A source line staged
/// over several targets (a split) has parts 1..n that each repeat its source amounts: only part 1 is read, so every
/// source line counts once; the unmapped lines come with their own amounts. Rejected lines never reached the mapping
/// and are left out, as the mapping commands leave them out of an export. A line keeps its raw text (part 1 holds a
/// split line's), or none for a run loaded before the staging database kept it.
/// </summary>
public sealed class StagedLedger
{
    // Ordered by lineage, so that a combination's first line is the one an export read first, as with --export.
    private const string Lines =
        """
        SELECT source_file AS SourceFile, record AS Record, line AS Line, fiscal_year AS FiscalYear, journal AS Journal,
        document AS Document,
               line_number AS LineNumber, booking_date AS BookingDate, account AS Account, article AS Article, service AS Service,
               third_party AS ThirdParty, label AS Label, source_debit AS Debit, source_credit AS Credit, raw_text AS RawText
        FROM staged_lines WHERE run_id = @run AND part = 1
        UNION ALL
        SELECT source_file, record, line, fiscal_year, journal, document, line_number, booking_date, account, article, service, third_party,
        label,
               debit, credit, raw_text
        FROM unmapped_lines WHERE run_id = @run
        ORDER BY 1, 2
        """;

    private readonly IStagingProvider _provider;

    private StagedLedger(IStagingProvider provider, RunSummary run, EntityType entityType)
    {
        _provider = provider;
        Run = run;
        EntityType = entityType;
    }

    public RunSummary Run { get; }

    public EntityType EntityType { get; }

    public FiscalYear Year => Run.FiscalYear;

    /// <summary>
    /// The run's header; throws <see cref="ReconcileException"/> naming the database when the run is not there, so the
    /// user can list the runs and give another id.
    /// </summary>
    public static async Task<StagedLedger> OpenAsync(IStagingProvider provider, RunId runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var run = await StagingSnapshot.ReadRunAsync(new StagingReader(connection, runId), cancellationToken)
            ?? throw new ReconcileException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and "
                    + $"--connection) and give one of their ids.");
        if (!EntityTypes.TryParse(run.EntityType, out var entityType))
        {
            throw new ReconcileException(
                $"Run {runId} records entity type '{run.EntityType}', which is neither COMMUNE nor CPAS: it cannot be mapped again.");
        }

        return new StagedLedger(provider, run, entityType);
    }

    /// <summary>Every source line the run mapped or left unmapped, once each, in the order of the source files.</summary>
    public async IAsyncEnumerable<LedgerLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _provider.OpenForRunScanAsync(cancellationToken);
        await foreach (var row in new StagingReader(connection, Run.RunId).StreamAsync<LineRow>(Lines, cancellationToken))
        {
            yield return Line(row);
        }
    }

    private LedgerLine Line(LineRow r)
    {
        var lineage = new Lineage(r.SourceFile, r.Record, r.Line);
        return new LedgerLine(
            lineage,
            new FiscalYear(r.FiscalYear),
            r.Journal,
            r.Document,
            r.LineNumber,
            Load.Runs.StoredDate.Parse(r.BookingDate),
            Parse<AccountCode>(r.Account, lineage, "account", AccountCode.TryParse),
            r.Article is { Length: > 0 } article ? Parse<BudgetArticle>(article, lineage, "article", BudgetArticle.TryParse) : null,
            Services.TryParse(r.Service, out var service) ? service : Service.None,
            r.ThirdParty,
            r.Label,
            r.Debit,
            r.Credit) { RawText = r.RawText };
    }

    private delegate bool TryParse<T>(ReadOnlySpan<char> text, out T? value);

    // Staged values were parsed from the export before they were written: one that no longer parses was altered since.
    private T Parse<T>(string text, Lineage lineage, string what, TryParse<T> parse)
        where T : class =>
        parse(text, out var value) && value is not null
            ? value
            : throw new ReconcileException(string.Create(CultureInfo.InvariantCulture,
                $"Run {Run.RunId}: {lineage.File} line {lineage.Line} is staged with {what} '{text}', which is not a legacy {what}; the "
                    + $"run's rows were altered. Give --export with the export folder instead."));

    /// <summary>A row of <see cref="Lines"/>; the booking date is text on SQLite, a date elsewhere.</summary>
    private sealed class LineRow
    {
        public string SourceFile { get; init; } = "";

        public long Record { get; init; }

        public long Line { get; init; }

        public int FiscalYear { get; init; }

        public string Journal { get; init; } = "";

        public string Document { get; init; } = "";

        public string LineNumber { get; init; } = "";

        public object? BookingDate { get; init; }

        public string Account { get; init; } = "";

        public string? Article { get; init; }

        public string Service { get; init; } = "";

        public string? ThirdParty { get; init; }

        public string Label { get; init; } = "";

        public Amount Debit { get; init; }

        public Amount Credit { get; init; }

        public string? RawText { get; init; }
    }
}
