using System.Globalization;
using Bascule.Extract.Values;
using Bascule.Transform.Charts;
using Bascule.Transform.Coverage;
using Bascule.Transform.Rules;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Ranks candidate targets for each combination a version leaves uncovered in an export. Accounts and economic codes
/// are scored apart (siblings, labels and numbering for the account; the same legacy economic code, labels and
/// numbering for the economic code), then the best of each are paired and a pair whose labels agree gains
/// (<see cref="CoherenceEvidence"/>). Pure: the same version, coverage and evidence always give the same
/// suggestions, in the same order, and nothing is written.
/// </summary>
public static class SuggestionEngine
{
    public const int DefaultCandidates = 3;

    // How many of the best accounts and economic codes are paired: enough for an agreeing pair to overtake the pair of
    // each side's best, few enough that a pair is never made of two long shots.
    private const int PairPool = 5;

    public static SuggestionReport Suggest(MappingVersion version, CoverageReport coverage, ExportEvidence evidence,
        int candidates = DefaultCandidates, SuggestionWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(coverage);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        weights ??= SuggestionWeights.Default;
        var rules = new ExportRules(version, evidence);
        var labels = new LabelEvidence(version.Chart);
        var coherence = new CoherenceEvidence(version.Chart);
        var suggestions = coverage.Uncovered
            .Select((stats, i) => Suggest(version, evidence, rules, labels, coherence, weights, candidates, stats,
                "DRAFT-" + (i + 1).ToString("000", CultureInfo.InvariantCulture)))
            .ToList();
        return new SuggestionReport(evidence.EntityType, evidence.Year, suggestions);
    }

    private static Suggestion Suggest(MappingVersion version, ExportEvidence evidence, ExportRules rules, LabelEvidence labels,
        CoherenceEvidence coherence, SuggestionWeights weights, int count, CombinationStats stats, string ruleId)
    {
        var key = new CombinationKey(stats.Account, stats.Article);

        var accounts = new ScoreSheet();
        SiblingEvidence.Add(accounts, stats.Account, version, rules, weights.Sibling);
        labels.Add(accounts, ChartKind.Account, evidence.AccountLabels(key), weights.Label);
        NumberingEvidence.AddAccounts(accounts, stats.Account, version.Chart, weights.AccountNumbering);

        IReadOnlyList<ScoredTarget?> economics = [null];
        if (stats.Article is { } article)
        {
            var sheet = new ScoreSheet();
            EconomicCodeEvidence.Add(sheet, article.Economic, version, rules, weights.EconomicCode);
            labels.Add(sheet, ChartKind.Economic, evidence.EconomicLabels(key), weights.Label);
            NumberingEvidence.AddEconomics(sheet, article.Economic, version.Chart, weights.EconomicNumbering);
            economics = sheet.Ranked().Take(Math.Max(count, PairPool)).ToList();
        }

        var candidates = SameClassFirst(accounts.Ranked(), stats.Account).Take(Math.Max(count, PairPool))
            .SelectMany(account => economics.Select(economic =>
                new Candidate(account, economic, economic is null ? null : coherence.Of(account.Code, economic.Code, weights.Coherence))))
            .OrderByDescending(c => c.Score)
            .ThenBy(c => c.TargetAccount, StringComparer.Ordinal)
            .ThenBy(c => c.TargetEconomic, StringComparer.Ordinal)
            .Take(count)
            .ToList();
        return new Suggestion(ruleId, stats, Scope(version, evidence.EntityType, stats), candidates, Note(version, stats, candidates));
    }

    /// <summary>
    /// The new plan keeps the classes of the legacy one (1 equity … 6 charges, 7 income), so an account of another class
    /// is only proposed when no account of the legacy account's class has any evidence: a word shared with "Bâtiments"
    /// does not make a charge a fixed asset.
    /// </summary>
    private static IEnumerable<ScoredTarget> SameClassFirst(IReadOnlyList<ScoredTarget> accounts, string account)
    {
        var same = accounts.Where(a => a.Code[0] == account[0]).ToList();
        return same.Count > 0 ? same : accounts;
    }

    /// <summary>
    /// A draft rule names the exact account and article. It is left for both entity types, as most rules are, unless a
    /// rule for the other type has the same patterns: the two would then tie (AMBIGUOUS), so the draft is limited to this
    /// export's type.
    /// </summary>
    private static EntityType? Scope(MappingVersion version, EntityType entityType, CombinationStats stats)
    {
        if (!AccountPattern.TryParse(stats.Account, out var account, out _))
        {
            return null;
        }

        var article = stats.Article is { } a ? new ArticlePattern(a.Function, a.Economic, a.Sub) : null;
        // Only the source side matters for a tie; the target is a placeholder.
        var draft = new RuleGroup("draft", [new Rule("draft", "draft", 0, null, null, account!, article, "0", null, null, 100m, "")]);
        var years = version.Manifest.FiscalYears;
        return version.Groups.Any(g => g.Specificity == draft.Specificity && g.Overlaps(draft, years)) ? entityType : null;
    }

    private static string? Note(MappingVersion version, CombinationStats stats, List<Candidate> candidates)
    {
        if (candidates.Count == 0)
        {
            return "no active account of the chart has any evidence for these lines: write this rule by hand";
        }

        if (stats.Article is { } article && candidates[0].Economic is null)
        {
            return $"no active economic code of the chart has any evidence for economic code {article.Economic}: give TARGET_ECONOMIC by "
                + $"hand";
        }

        return stats.Article is { } kept && version.Chart.Find(ChartKind.Function, kept.Function) is not { Active: true }
            ? $"the source function {kept.Function} is not an active function of the chart, so '=' would be refused: write a function code"
            : null;
    }
}
