using System.Runtime.CompilerServices;
using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Gathers <see cref="ExportEvidence"/> from records as they are read. <see cref="Observe"/> passes the ledger lines
/// on unchanged, so the same single read of <c>ECRITURES.csv</c> feeds the coverage check and this evidence.
/// The first label of an account or article wins, as Extract keeps the first of duplicate lines.
/// </summary>
public sealed class ExportEvidenceCollector
{
    private readonly Dictionary<CombinationKey, long> _lines = [];
    private readonly Dictionary<CombinationKey, RecurringWords> _words = [];
    private readonly Dictionary<string, string> _accountLabels = new(StringComparer.Ordinal);
    private readonly Dictionary<BudgetArticle, string> _articleLabels = [];

    public void Add(LedgerLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var key = new CombinationKey(line.Account.Value, line.Article);
        _lines[key] = _lines.GetValueOrDefault(key) + 1;
        if (!_words.TryGetValue(key, out var words))
        {
            words = new RecurringWords();
            _words.Add(key, words);
        }

        words.Add(line.Label);
    }

    public void Add(BalanceLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _accountLabels.TryAdd(line.Account.Value, line.Label);
    }

    public void Add(ArticleLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _articleLabels.TryAdd(line.Article, line.Label);
    }

    public async IAsyncEnumerable<LedgerLine> Observe(
        IAsyncEnumerable<LedgerLine> lines,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lines);
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            Add(line);
            yield return line;
        }
    }

    public ExportEvidence Build(EntityType entityType, FiscalYear year) =>
        new(
            entityType,
            year,
            new Dictionary<CombinationKey, long>(_lines),
            new Dictionary<string, string>(_accountLabels, StringComparer.Ordinal),
            new Dictionary<BudgetArticle, string>(_articleLabels),
            _words.Select(w => (w.Key, Label: w.Value.Label())).Where(w => w.Label is not null).ToDictionary(w => w.Key, w => w.Label!));
}
