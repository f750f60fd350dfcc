using System.Runtime.InteropServices;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Providers.Sqlite;

namespace Bascule.Reconcile.Staging;

/// <summary>
/// On SQLite, the staged side of the checks in one pass over the run's staged lines, summed in our own process: the rows
/// of <see cref="Queries.StagedLines"/>, in its order, and the count of <see cref="Queries.UnbalancedDocumentCount"/>.
/// SQLite answers a GROUP BY by sorting every row first; its engine runs in our process, and the two sorts of a large run
/// cost several times this scan. The figures are still read back from the database, never taken from the load's counters.
/// </summary>
internal static class StagedLinesPass
{
    // The columns of Queries.StagedLineRows, by position.
    private const int FileColumn = 0;
    private const int YearColumn = 1;
    private const int JournalColumn = 2;
    private const int AccountColumn = 3;
    private const int ArticleColumn = 4;
    private const int TargetColumn = 5;
    private const int PartColumn = 6;
    private const int SourceDebitColumn = 7;
    private const int SourceCreditColumn = 8;
    private const int DebitColumn = 9;
    private const int CreditColumn = 10;
    private const int DocumentColumn = 11;

    public sealed record Result(List<Queries.StagedGroup> Groups, long UnbalancedDocuments);

    public static Result Read(SqliteScan scan)
    {
        var texts = new[] { new Utf8Texts(), new Utf8Texts(), new Utf8Texts(), new Utf8Texts(), new Utf8Texts() };
        var groups = new Dictionary<GroupKey, Sums>();
        var documents = new DocumentBalances();
        while (scan.Read())
        {
            var key = new GroupKey(
                texts[0].Id(scan.Utf8(FileColumn)),
                checked((int)scan.Whole(YearColumn)),
                texts[1].Id(scan.Utf8(JournalColumn)),
                texts[2].Id(scan.Utf8(AccountColumn)),
                scan.IsNull(ArticleColumn) ? GroupKey.NoArticle : texts[3].Id(scan.Utf8(ArticleColumn)),
                texts[4].Id(scan.Utf8(TargetColumn)));
            ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(groups, key, out _);
            var debit = scan.Whole(DebitColumn);
            var credit = scan.Whole(CreditColumn);
            if (scan.Whole(PartColumn) == 1)
            {
                sums.SourceDebit = checked(sums.SourceDebit + scan.Whole(SourceDebitColumn));
                sums.SourceCredit = checked(sums.SourceCredit + scan.Whole(SourceCreditColumn));
                sums.SourceRecords++;
            }

            sums.Debit = checked(sums.Debit + debit);
            sums.Credit = checked(sums.Credit + credit);
            documents.Add(key.Year, key.Journal, scan.Utf8(DocumentColumn), checked(debit - credit));
        }

        // SQLite's GROUP BY order: its columns one after the other, text by its bytes, a NULL article first.
        var ordered = groups.OrderBy(g => texts[0].Bytes(g.Key.File), Utf8Order.Instance)
            .ThenBy(g => g.Key.Year)
            .ThenBy(g => texts[1].Bytes(g.Key.Journal), Utf8Order.Instance)
            .ThenBy(g => texts[2].Bytes(g.Key.Account), Utf8Order.Instance)
            .ThenBy(g => g.Key.Article == GroupKey.NoArticle ? null : texts[3].Bytes(g.Key.Article), Utf8Order.Instance)
            .ThenBy(g => texts[4].Bytes(g.Key.Target), Utf8Order.Instance)
            .Select(g => new Queries.StagedGroup
            {
                SourceFile = texts[0].Text(g.Key.File),
                FiscalYear = g.Key.Year,
                Journal = texts[1].Text(g.Key.Journal),
                Account = texts[2].Text(g.Key.Account),
                Article = g.Key.Article == GroupKey.NoArticle ? null : texts[3].Text(g.Key.Article),
                TargetAccount = texts[4].Text(g.Key.Target),
                SourceDebit = Amount.FromCents(g.Value.SourceDebit),
                SourceCredit = Amount.FromCents(g.Value.SourceCredit),
                SourceRecords = g.Value.SourceRecords,
                Debit = Amount.FromCents(g.Value.Debit),
                Credit = Amount.FromCents(g.Value.Credit),
            })
            .ToList();
        return new Result(ordered, documents.Unbalanced());
    }

    /// <summary>A group of <see cref="Queries.StagedLines"/>, its texts by their number in their column.</summary>
    private readonly record struct GroupKey(int File, int Year, int Journal, int Account, int Article, int Target)
    {
        public const int NoArticle = -1;
    }

    /// <summary>Amounts in cents, as SQLite stores them.</summary>
    private struct Sums
    {
        public long SourceDebit;
        public long SourceCredit;
        public long SourceRecords;
        public long Debit;
        public long Credit;
    }

    /// <summary>
    /// The distinct texts of one column, each numbered once: a row's text is found by its bytes, without making a string
    /// of it, and the row before's first (the same file, year and journal follow each other).
    /// </summary>
    private sealed class Utf8Texts
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _byChars;
        private readonly List<string> _texts = [];
        private readonly List<byte[]> _bytes = [];
        private char[] _chars = new char[64];
        private int _last = -1;

        public Utf8Texts() => _byChars = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

        public int Id(ReadOnlySpan<byte> utf8)
        {
            if (_last >= 0 && utf8.SequenceEqual(_bytes[_last]))
            {
                return _last;
            }

            if (_chars.Length < utf8.Length)
            {
                _chars = new char[utf8.Length];
            }

            var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, _chars));
            if (!_byChars.TryGetValue(chars, out var id))
            {
                id = _texts.Count;
                var text = chars.ToString();
                _ids.Add(text, id);
                _texts.Add(text);
                _bytes.Add(utf8.ToArray());
            }

            return _last = id;
        }

        public string Text(int id) => _texts[id];

        public byte[] Bytes(int id) => _bytes[id];
    }

    /// <summary>
    /// The documents whose lines do not add up to zero (debit − credit), counted as
    /// <see cref="Queries.UnbalancedDocumentCount"/> counts them. A document's lines follow each other in the staged
    /// lines: each stretch of one document is summed as it passes, and only a stretch that does not balance is kept, added
    /// to the other stretches of its document that did not; a document counts when its kept sum is not zero.
    /// </summary>
    private sealed class DocumentBalances
    {
        private readonly Dictionary<(int Year, int Journal, string Document), long> _open = [];
        private byte[] _document = new byte[64];
        private int _length = -1;
        private int _year;
        private int _journal;
        private long _net;

        public void Add(int year, int journal, ReadOnlySpan<byte> document, long net)
        {
            if (_length < 0 || year != _year || journal != _journal || !document.SequenceEqual(_document.AsSpan(0, _length)))
            {
                Close();
                if (_document.Length < document.Length)
                {
                    _document = new byte[document.Length];
                }

                document.CopyTo(_document);
                _length = document.Length;
                _year = year;
                _journal = journal;
                _net = 0;
            }

            _net = checked(_net + net);
        }

        public long Unbalanced()
        {
            Close();
            return _open.Count(d => d.Value != 0);
        }

        private void Close()
        {
            if (_length >= 0 && _net != 0)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(
                    _open,
                    (_year, _journal, Encoding.UTF8.GetString(_document, 0, _length)),
                    out _);
                sum = checked(sum + _net);
            }

            _length = -1;
        }
    }

    /// <summary>SQLite's BINARY collation: bytes compared one by one, the shorter first when one begins the other; NULL
    /// first.</summary>
    private sealed class Utf8Order : IComparer<byte[]?>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) =>
            x is null || y is null ? (y is null ? 1 : 0) - (x is null ? 1 : 0) : x.AsSpan().SequenceCompareTo(y);
    }
}
