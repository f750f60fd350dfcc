using Bascule.Extract.Records;
using Bascule.Extract.Values;

namespace Bascule.Extract.Documents;

/// <summary>
/// Finds the documents whose debits and credits differ. The reader never rejects them (each line may be sound on
/// its own): the reconciliation lists them for action. It keeps one small entry per document, about 100 bytes,
/// so a year of 1 million documents costs some 100 MB: feed it one fiscal year's ledger at a time.
/// </summary>
public sealed class UnbalancedDocuments
{
    private readonly Dictionary<(string Journal, string Document), Totals> _documents = [];

    public void Add(LedgerLine line)
    {
        var key = (line.Journal, line.DocumentNumber);
        if (!_documents.TryGetValue(key, out var totals))
        {
            totals = new Totals(line.Lineage.Line);
            _documents[key] = totals;
        }

        totals.Lines++;
        totals.Debit += line.Debit;
        totals.Credit += line.Credit;
    }

    /// <summary>The unbalanced documents, in the order their first line appears in the file.</summary>
    public IReadOnlyList<DocumentBalance> Unbalanced() =>
        [.. _documents
            .Where(pair => pair.Value.Debit != pair.Value.Credit)
            .OrderBy(pair => pair.Value.FirstLine)
            .Select(pair => new DocumentBalance(
                pair.Key.Journal,
                pair.Key.Document,
                pair.Value.FirstLine,
                pair.Value.Lines,
                pair.Value.Debit,
                pair.Value.Credit))];

    private sealed class Totals(long firstLine)
    {
        public long FirstLine { get; } = firstLine;

        public int Lines { get; set; }

        public Amount Debit { get; set; }

        public Amount Credit { get; set; }
    }
}
