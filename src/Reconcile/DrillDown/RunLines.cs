using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Bascule.Extract.Privacy;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Runs;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Staging;
using Bascule.Transform.Mapping;
using Dapper;

namespace Bascule.Reconcile.DrillDown;

/// <summary>
/// The drill-down lists of one run: every line behind a figure, a page at a time (<see cref="PageAsync"/>) or all of them
/// streamed (<see cref="AllAsync"/>), each line with its file, line number, text, rule and the rule's justification; the
/// run's mapping identity is <see cref="Mapping"/>. Personal data is masked as the reports mask it, unless the reader may
/// see it (<see cref="ReportOptions.ShowPersonalData"/>).
/// </summary>
public sealed class RunLines
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    // A completed run's third parties never change: their masker (tens of thousands of names on a large run) is built once.
    private static readonly RunCache<(PersonalDataMasker Masker, HashSet<string> Files)> Maskers = new();

    // A completed run's unbalanced documents never change either: found once (a sum over every line of the run, seconds on
    // a million lines), then named by every page of the balance check's list. Null: too many to name.
    private static readonly RunCache<IReadOnlyList<DocumentKey>?> UnbalancedDocuments = new();

    private readonly IStagingProvider _provider;
    private readonly PersonalDataMasker _masker;
    private readonly HashSet<string> _thirdPartyFiles;
    private readonly ReportOptions _options;
    private readonly IReadOnlyDictionary<string, string>? _justifications;

    private RunLines(IStagingProvider provider, RunId run, string entity, FiscalYear fiscalYear, RunStatus status, MappingIdentity mapping,
        IReadOnlyDictionary<string, string>? justifications, PersonalDataMasker masker, HashSet<string> thirdPartyFiles,
        ReportOptions options)
    {
        _provider = provider;
        Run = run;
        Entity = entity;
        FiscalYear = fiscalYear;
        Status = status;
        Mapping = mapping;
        _justifications = justifications;
        _masker = masker;
        _thirdPartyFiles = thirdPartyFiles;
        _options = options;
    }

    public RunId Run { get; }

    public string Entity { get; }

    public FiscalYear FiscalYear { get; }

    public RunStatus Status { get; }

    public MappingIdentity Mapping { get; }

    /// <summary>False when the mappings folder holds no version with the run's mapping hash: no justification can be shown.</summary>
    public bool MappingFound => _justifications is not null;

    /// <summary>The run's lists, or null when the staging database has no such run.</summary>
    public static async Task<RunLines?> OpenAsync(
        IStagingProvider provider,
        RunId run,
        string mappingsRoot,
        ReportOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(options);
        await using var connection = await provider.OpenAsync(cancellationToken);
        var db = new StagingReader(connection, run);
        if (await StagingSnapshot.ReadRunAsync(db, cancellationToken) is not { } summary)
        {
            return null;
        }

        var (masker, files) = options.ShowPersonalData
            ? (PersonalDataMasker.Empty, new HashSet<string>())
            : await MaskerAsync(db, run, summary.RunStatus, cancellationToken);
        return new RunLines(
            provider, run, summary.Entity, summary.FiscalYear, summary.RunStatus, summary.Mapping, RuleJustifications.Of(
                mappingsRoot,
                summary.Mapping), masker, files, options);
    }

    /// <summary>The lines of <paramref name="list"/> after <paramref name="after"/> (from the start when null), at most <paramref
    /// name="size"/>.</summary>
    public async Task<DrillPage> PageAsync(LineList list, LineKey? after, int size, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(list);
        size = Math.Clamp(size, 1, MaxPageSize);
        await using var connection = await _provider.OpenAsync(cancellationToken);
        var documents = list.Kind == LineListKind.UnbalancedDocuments ? await UnbalancedAsync(cancellationToken) : null;
        if (documents is { Count: 0 })
        {
            return new DrillPage([], null);
        }

        // One more row than the page says whether there is a next page.
        var sql = DrillSql.Page(_provider.Kind, Run, list, after is not null, size + 1, documents?.Count);
        var key = after ?? default;
        var parameters = new DynamicParameters(new
        {
            run = Run.Value,
            value = list.Value,
            document = list.Document,
            afterDocument = key.Document,
            afterFile = key.SourceFile,
            afterRecord = key.Record,
            afterPart = key.Part,
        });
        for (var i = 0; i < (documents?.Count ?? 0); i++)
        {
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"year{i}"), documents![i].FiscalYear);
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"journal{i}"), documents[i].Journal);
            parameters.Add(string.Create(CultureInfo.InvariantCulture, $"document{i}"), documents[i].Document);
        }

        var rows = (await connection.QueryAsync<DrillRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken)))
            .AsList();
        var partOne = await PartOneTextsAsync(connection, rows.Take(size).ToList(), cancellationToken);
        var lines = rows.Take(size).Select(r => Line(r, list.ByDocument, partOne)).ToList();
        return new DrillPage(lines, rows.Count > size ? lines[^1].Key : null);
    }

    /// <summary>Every line of the list, a page at a time: memory holds one page, however long the list.</summary>
    public async IAsyncEnumerable<DrillLine> AllAsync(
        LineList list,
        int pageSize = MaxPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        LineKey? after = null;
        do
        {
            var page = await PageAsync(list, after, pageSize, cancellationToken);
            foreach (var line in page.Lines)
            {
                yield return line;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary>
    /// A completed run's unbalanced documents, as its reconciliation found them (the same sums): its balance check's list
    /// then names them from its first page on, without finding them again.
    /// </summary>
    public static void RememberUnbalanced(RunId run, IEnumerable<(int FiscalYear, string Journal, string Document)> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var keys = documents.Take(DrillSql.MaxNamedDocuments + 1)
            .Select(d => new DocumentKey { FiscalYear = d.FiscalYear, Journal = d.Journal, Document = d.Document })
            .ToList();
        UnbalancedDocuments.Set(run, keys.Count > DrillSql.MaxNamedDocuments ? null : keys);
    }

    // The run's unbalanced documents, once per completed run; null when there are more than a page's condition names.
    private async Task<IReadOnlyList<DocumentKey>?> UnbalancedAsync(CancellationToken cancellationToken)
    {
        if (UnbalancedDocuments.TryGet(Run, out var known))
        {
            return known;
        }

        await using var connection = await _provider.OpenForRunScanAsync(cancellationToken);
        var found = (await connection.QueryAsync<DocumentKey>(
            new CommandDefinition(DrillSql.UnbalancedDocumentKeys, new { run = Run.Value }, cancellationToken: cancellationToken)))
            .Take(DrillSql.MaxNamedDocuments + 1)
            .ToList();
        var documents = found.Count > DrillSql.MaxNamedDocuments ? null : found;
        if (Status != RunStatus.Loading)
        {
            UnbalancedDocuments.Set(Run, documents);
        }

        return documents;
    }

    // A split source line keeps its raw text once, on part 1: the page's other parts take it from their part 1 on the
    // page, or else from the database, in one query per MaxPartOneLines source lines.
    private async Task<Dictionary<(string File, long Record), string?>> PartOneTextsAsync(
        DbConnection connection,
        List<DrillRow> rows,
        CancellationToken cancellationToken)
    {
        var texts = rows.Where(r => r.State == "staged" && r.Part == 1)
            .GroupBy(r => (r.SourceFile, r.Record))
            .ToDictionary(g => g.Key, g => g.First().RawText);
        var missing = rows.Where(r => r.State == "staged" && r.Part > 1 && !texts.ContainsKey((r.SourceFile, r.Record)))
            .DistinctBy(r => (r.SourceFile, r.Record))
            .ToList();
        foreach (var chunk in missing.Chunk(DrillSql.MaxPartOneLines))
        {
            var parameters = new DynamicParameters();
            for (var i = 0; i < chunk.Length; i++)
            {
                parameters.Add(string.Create(CultureInfo.InvariantCulture, $"account{i}"), chunk[i].Account);
                parameters.Add(string.Create(CultureInfo.InvariantCulture, $"file{i}"), chunk[i].SourceFile);
                parameters.Add(string.Create(CultureInfo.InvariantCulture, $"record{i}"), chunk[i].Record);
            }

            var found = await connection.QueryAsync<DrillRow>(
                new CommandDefinition(DrillSql.PartOne(Run, chunk.Length), parameters, cancellationToken: cancellationToken));
            foreach (var row in found)
            {
                texts[(row.SourceFile, row.Record)] = row.RawText;
            }
        }

        return texts;
    }

    private DrillLine Line(DrillRow r, bool byDocument, Dictionary<(string File, long Record), string?> partOne)
    {
        var key = new LineKey(byDocument ? r.Document : null, r.SourceFile, r.Record, checked((int)r.Part));
        if (r.State == "rejected")
        {
            var raw = r.RawText ?? "";
            var text = _options.ShowPersonalData ? raw
                : IsThirdPartyFile(r.SourceFile) ? PersonalData.MaskThirdPartyLine(raw) : PersonalData.Mask(raw, _masker, _options);
            return new DrillLine(key, LineState.Rejected, r.Line, text, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, $"{r.Reason}: {PersonalData.Mask(r.Message ?? "", _masker, _options)}");
        }

        var state = r.State == "staged" ? LineState.Staged : LineState.Unmapped;
        string? justification = null;
        if (r.RuleId is { } rule && _justifications is not null)
        {
            justification = _justifications.TryGetValue(rule, out var found) ? found : null;
        }

        // Runs loaded before the staging database kept raw text (V009) have none: their lines are rebuilt from their fields.
        var kept = r.RawText ?? (state == LineState.Staged && partOne.TryGetValue((r.SourceFile, r.Record), out var first) ? first : null);
        return new DrillLine(key, state, r.Line, PersonalData.Mask(kept ?? LineFields.Of(r), _masker, _options), r.Journal, r.Document,
            r.Account, r.Article is { Length: > 0 } ? r.Article : null, PersonalData.Mask(r.Label ?? "", _masker, _options), r.RuleId,
            justification, r.TargetAccount, r.TargetEconomic, r.TargetFunction, r.SourceDebit?.Value, r.SourceCredit?.Value, r.Debit?.Value,
            r.Credit?.Value, null) { RawTextKept = kept is not null };
    }

    // As the reports tell it: the file whose rows went to third_parties; TIERS.csv in the default profile.
    private bool IsThirdPartyFile(string file) =>
        _thirdPartyFiles.Contains(file) || file.Contains("TIERS", StringComparison.OrdinalIgnoreCase);

    private static async Task<(PersonalDataMasker, HashSet<string>)> MaskerAsync(
        StagingReader db,
        RunId run,
        RunStatus status,
        CancellationToken cancellationToken)
    {
        if (Maskers.TryGet(run, out var known))
        {
            return known;
        }

        var masker = await StagedThirdParties.MaskerAsync(db, cancellationToken);
        var files = (await db.RowsAsync<string>(Queries.ThirdPartyFiles, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        // A loading run may still gain third parties; a handful of completed runs is all a workspace reads at once.
        if (status != RunStatus.Loading)
        {
            Maskers.Set(run, (masker, files));
        }

        return (masker, files);
    }
}

/// <summary>A document of a run: fiscal year, journal and number, read by column name.</summary>
internal sealed class DocumentKey
{
    public int FiscalYear { get; set; }

    public string Journal { get; set; } = "";

    public string Document { get; set; } = "";
}
