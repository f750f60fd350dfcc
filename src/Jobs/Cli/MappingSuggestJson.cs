using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bascule.Extract.Values;
using Bascule.Transform;
using Bascule.Transform.Rules;
using Bascule.Transform.Suggestions;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule mapping suggest --format json</c>: the uncovered combinations and their ranked candidates with every
/// reason, for tools. Source-generated serialisation; amounts in euros as numbers with two decimals, labels unescaped.
/// </summary>
public static class MappingSuggestJson
{
    private static readonly MappingSuggestJsonContext Context = new(new JsonSerializerOptions(MappingSuggestJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Write(SuggestionReport report, MappingVersion version, string export, string? draft)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(version);
        var document = new SuggestDocument(
            new MappingRef(version.Identity.Id, version.Identity.Version, version.Identity.Sha256),
            new ExportRef(export, report.EntityType.ToCode(), report.Year.Value),
            draft,
            new UncoveredTotals(report.Combinations, report.Lines, report.Debit.Value, report.Credit.Value),
            report.Suggestions.Select(Suggestion).ToList());
        return JsonSerializer.Serialize(document, Context.SuggestDocument);
    }

    private static SuggestionEntry Suggestion(Suggestion s) => new(
        s.RuleId, s.Combination.Account, s.Combination.Article?.ToString(), s.Combination.Lines, s.Combination.Debit.Value, s.Combination
            .Credit
            .Value,
        $"{s.Combination.First.File}:{s.Combination.First.Line}", s.EntityType?.ToCode(), s.Note,
        s.Candidates.Select((c, i) => new CandidateEntry(
            i + 1,
            c.TargetAccount,
            c.TargetEconomic,
            c.TargetFunction ?? Rule.KeepFunction,
            c.Score,
            Reasons(c))).ToList());

    private static List<ReasonEntry> Reasons(Candidate candidate) =>
    [
        .. candidate.Account.Reasons.Select(r => Reason("account", r)),
        .. candidate.Economic?.Reasons.Select(r => Reason("economic", r)) ?? [],
        .. candidate.Coherence is { } pair ? [Reason("pair", pair)] : Array.Empty<ReasonEntry>(),
    ];

    private static ReasonEntry Reason(string about, Reason reason) =>
        new(about, JsonNamingPolicy.CamelCase.ConvertName(reason.Kind.ToString()), reason.Points, reason.Text);
}

public sealed record SuggestDocument(
    MappingRef Mapping,
    ExportRef Export,
    string? Draft,
    UncoveredTotals Uncovered,
    IReadOnlyList<SuggestionEntry> Suggestions);

public sealed record MappingRef(string Id, string Version, string Sha256);

public sealed record ExportRef(string Folder, string EntityType, int Year);

public sealed record UncoveredTotals(int Combinations, long Lines, decimal Debit, decimal Credit);

public sealed record SuggestionEntry(
    string Rule, string Account, string? Article, long Lines, decimal Debit, decimal Credit, string FirstLine, string? EntityType,
    string? Note,
    IReadOnlyList<CandidateEntry> Candidates);

public sealed record CandidateEntry(
    int Rank,
    string TargetAccount,
    string? TargetEconomic,
    string TargetFunction,
    decimal Score,
    IReadOnlyList<ReasonEntry> Reasons);

public sealed record ReasonEntry(string About, string Kind, decimal Points, string Text);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SuggestDocument))]
internal sealed partial class MappingSuggestJsonContext : JsonSerializerContext;
