using System.Globalization;
using System.Runtime.CompilerServices;
using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Reconcile.Model;
using Bascule.Reconcile.Staging;
using Dapper;

namespace Bascule.Reconcile.Diff;

/// <summary>
/// The source ledger lines of a staged run, read back from the staging database as the export held them, so that a
/// mapping change can be weighed against what a run really loaded without the export at hand. A source line staged
/// over several targets (a split) has parts 1..n that each repeat its source amounts: only part 1 is read, so every
/// source line counts once; the unmapped lines come with their own amounts. Rejected lines never reached the mapping
/// and are left out, as the mapping commands leave them out of an export.
/// </summary>
public sealed class StagedLedger
{
    // Ordered by lineage, so that a combination's first line is the one an export read first, as with --export.
    private const string Lines =
        """
        SELECT source_file, record, line, fiscal_year, journal, document, line_number, booking_date, account, article, service, third_party, label,
               source_debit, source_credit
        FROM staged_lines WHERE run_id = @run AND part = 1
        UNION ALL
        SELECT source_file, record, line, fiscal_year, journal, document, line_number, booking_date, account, article, service, third_party, label,
               debit, credit
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

    public FiscalYear Year => new(Run.FiscalYear);

    /// <summary>
    /// The run's header; throws <see cref="ReconcileException"/> naming the database when the run is not there, so the
    /// user can list the runs and give another id.
    /// </summary>
    public static async Task<StagedLedger> OpenAsync(IStagingProvider provider, string runId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var db = new StagingReader(provider, connection, runId);
        var run = (await db.RowsAsync(Queries.Run, StagingSnapshot.ReadRun, cancellationToken)).SingleOrDefault()
            ?? throw new ReconcileException(
                $"Run {runId} is not in the staging database {provider.Target}. List the runs with `bascule runs` (same --provider and --connection) and give one of their ids.");
        if (!EntityTypes.TryParse(run.EntityType, out var entityType))
        {
            throw new ReconcileException($"Run {runId} records entity type '{run.EntityType}', which is neither COMMUNE nor CPAS: it cannot be mapped again.");
        }

        return new StagedLedger(provider, run, entityType);
    }

    /// <summary>Every source line the run mapped or left unmapped, once each, in the order of the source files.</summary>
    public async IAsyncEnumerable<LedgerLine> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _provider.OpenForRunScanAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(Lines, new { run = Run.RunId }, cancellationToken: cancellationToken));
        var row = new StagingReader.Row(_provider, reader);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return Line(row, reader.GetValue(7));
        }
    }

    private LedgerLine Line(StagingReader.Row r, object bookingDate)
    {
        var lineage = new Lineage(r.Text(0), r.Count(1), r.Count(2));
        return new LedgerLine(
            lineage,
            new FiscalYear((int)r.Count(3)),
            r.Text(4),
            r.Text(5),
            r.Text(6),
            Load.Runs.StoredDate.Parse(bookingDate),
            Parse<AccountCode>(r.Text(8), lineage, "account", AccountCode.TryParse),
            r.OptionalText(9) is { Length: > 0 } article ? Parse<BudgetArticle>(article, lineage, "article", BudgetArticle.TryParse) : null,
            Services.TryParse(r.Text(10), out var service) ? service : Service.None,
            r.OptionalText(11),
            r.Text(12),
            Amount.FromEuros(r.Money(13)),
            Amount.FromEuros(r.Money(14)));
    }

    private delegate bool TryParse<T>(ReadOnlySpan<char> text, out T? value);

    // Staged values were parsed from the export before they were written: one that no longer parses was altered since.
    private T Parse<T>(string text, Lineage lineage, string what, TryParse<T> parse)
        where T : class =>
        parse(text, out var value) && value is not null
            ? value
            : throw new ReconcileException(string.Create(CultureInfo.InvariantCulture,
                $"Run {Run.RunId}: {lineage.File} line {lineage.Line} is staged with {what} '{text}', which is not a legacy {what}; the run's rows were altered. Give --export with the export folder instead."));
}
