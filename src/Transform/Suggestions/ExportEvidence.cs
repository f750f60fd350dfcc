using Bascule.Extract.Values;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// What an export tells about its legacy accounts and articles besides the amounts, gathered once and independent of
/// any mapping version: how many ledger lines each combination has, the labels of <c>BALANCE.csv</c> (per account) and
/// <c>ARTICLES.csv</c> (per article), and the words that recur in each combination's ledger labels.
/// </summary>
public sealed class ExportEvidence(
    EntityType entityType,
    FiscalYear year,
    IReadOnlyDictionary<CombinationKey, long> lines,
    IReadOnlyDictionary<string, string> accountLabels,
    IReadOnlyDictionary<BudgetArticle, string> articleLabels,
    IReadOnlyDictionary<CombinationKey, LegacyLabel> ledgerLabels)
{
    public EntityType EntityType { get; } = entityType;

    public FiscalYear Year { get; } = year;

    /// <summary>Ledger lines per combination, covered or not: a rule's weight as a sibling is what it carries here.</summary>
    public IReadOnlyDictionary<CombinationKey, long> Lines { get; } = lines;

    public string? AccountLabel(string account) => accountLabels.GetValueOrDefault(account);

    public string? ArticleLabel(BudgetArticle? article) => article is null ? null : articleLabels.GetValueOrDefault(article);

    /// <summary>
    /// What the export says about a combination's account: the account's label (<c>BALANCE.csv</c>), the article's
    /// label (<c>ARTICLES.csv</c>) and the words that recur in its ledger labels, each kept apart so that a chart label
    /// is compared with one legacy label at a time.
    /// </summary>
    public IReadOnlyList<LegacyLabel> AccountLabels(CombinationKey key) =>
        [.. Label("account label", AccountLabel(key.Account)), .. EconomicLabels(key)];

    /// <summary>
    /// What the export says about the lines themselves, for their economic code: the article's label and the recurring
    /// ledger words, without the account's label (an account such as "Produits de prestations et redevances" holds
    /// lines of several economic codes, and its words would vote for all of them).
    /// </summary>
    public IReadOnlyList<LegacyLabel> EconomicLabels(CombinationKey key)
    {
        var labels = Label("article label", ArticleLabel(key.Article)).ToList();
        if (ledgerLabels.TryGetValue(key, out var recurring))
        {
            labels.Add(recurring);
        }

        return labels;
    }

    private static IEnumerable<LegacyLabel> Label(string source, string? text)
    {
        var words = LabelWords.Of(text);
        if (words.Count > 0)
        {
            yield return new LegacyLabel(source, text!, words);
        }
    }
}
