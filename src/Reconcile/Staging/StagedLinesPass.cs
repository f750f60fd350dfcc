using System.Runtime.InteropServices;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Providers;
using Bascule.Load.Providers.Sqlite;
using Bascule.Load.Runs;
using Dapper;

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

    /// <summary>Runs with fewer staged lines are read in one part: a second connection would cost more than it saves.</summary>
    public const long RowsPerPart = 100_000;

    public sealed record Result(List<Queries.StagedGroup> Groups, long UnbalancedDocuments);

    /// <summary>
    /// The run's staged lines read in up to <paramref name="parts"/> ranges of rowids side by side, each on a connection of
    /// its own and of at least <paramref name="rowsPerPart"/> rowids, and summed together: the same groups and documents as
    /// one pass, as the parts only add up.
    /// </summary>
    public static async Task<Result> ReadAsync(
        IStagingProvider provider,
        RunId run,
        int parts,
        long rowsPerPart,
        CancellationToken cancellationToken)
    {
        RowidRange? rows;
        await using (var connection = await provider.OpenForRunScanAsync(cancellationToken))
        {
            rows = await SqliteScan.StagedLinesOfAsync(connection, run.Value, cancellationToken);
        }

        if (rows is not { } range)
        {
            return Merge([]);
        }

        var ranges = range.Split((int)Math.Clamp((range.Last - range.First + 1) / Math.Max(rowsPerPart, 1), 1, Math.Max(parts, 1)));
        var read = await Task.WhenAll(ranges.Select(part => Task.Run(
            async () =>
            {
                await using var connection = await provider.OpenForRunScanAsync(cancellationToken);
                Part read;
                using (var scan = SqliteScan.Open(connection, Queries.StagedLineRowsBetween, run.Value, part, cancellationToken))
                {
                    read = Part.Read(scan);
                }

                // The connection goes back to the pool: without the pages it cached, which the reports need more.
                await connection.ExecuteAsync(new CommandDefinition("PRAGMA shrink_memory;", cancellationToken: cancellationToken));
                return read;
            },
            cancellationToken)));
        return Merge(read);
    }

    /// <summary>The rows of one scan, in one part.</summary>
    public static Result Read(SqliteScan scan) => Merge([Part.Read(scan)]);

    // The first part takes in the others (their texts numbered again in its own columns), then orders its groups.
    private static Result Merge(IReadOnlyList<Part> parts)
    {
        var whole = parts.Count > 0 ? parts[0] : new Part();
        foreach (var part in parts.Skip(1))
        {
            whole.Add(part);
        }

        return whole.Result();
    }

    /// <summary>One range of the run's staged lines, summed as it is read; or the whole run, once the others are added.</summary>
    private sealed class Part
    {
        private readonly Utf8Texts[] _texts = [new(), new(), new(), new(), new()];
        private readonly Dictionary<GroupKey, Sums> _groups = [];
        private readonly DocumentBalances _documents = new();

        public static Part Read(SqliteScan scan)
        {
            var part = new Part();
            var texts = part._texts;
            while (scan.Read())
            {
                var key = new GroupKey(
                    texts[0].Id(scan.Utf8(FileColumn)),
                    checked((int)scan.Whole(YearColumn)),
                    texts[1].Id(scan.Utf8(JournalColumn)),
                    texts[2].Id(scan.Utf8(AccountColumn)),
                    scan.IsNull(ArticleColumn) ? GroupKey.NoArticle : texts[3].Id(scan.Utf8(ArticleColumn)),
                    texts[4].Id(scan.Utf8(TargetColumn)));
                ref var sums = ref CollectionsMarshal.GetValueRefOrAddDefault(part._groups, key, out _);
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
                part._documents.Add(key.Year, key.Journal, scan.Utf8(DocumentColumn), checked(debit - credit));
            }

            return part;
        }

        /// <summary>Adds another part's groups and documents to this one's: a document cut in two has a sum in each.</summary>
        public void Add(Part other)
        {
            // The other part's text numbers, column by column, as numbers of this part's texts (the same bytes).
            var ids = new int[_texts.Length][];
            for (var column = 0; column < _texts.Length; column++)
            {
                ids[column] = new int[other._texts[column].Count];
                for (var id = 0; id < ids[column].Length; id++)
                {
                    ids[column][id] = _texts[column].Id(other._texts[column].Bytes(id));
                }
            }

            foreach (var (key, sums) in other._groups)
            {
                var mine = new GroupKey(
                    ids[0][key.File],
                    key.Year,
                    ids[1][key.Journal],
                    ids[2][key.Account],
                    key.Article == GroupKey.NoArticle ? GroupKey.NoArticle : ids[3][key.Article],
                    ids[4][key.Target]);
                ref var merged = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, mine, out _);
                merged = merged.Plus(sums);
            }

            _documents.Add(other._documents, ids[1]);
        }

        public Result Result()
        {
            var texts = _texts;
            // SQLite's GROUP BY order: its columns one after the other, text by its bytes, a NULL article first.
            var ordered = _groups.OrderBy(g => texts[0].Bytes(g.Key.File), Utf8Order.Instance)
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
            return new Result(ordered, _documents.Unbalanced());
        }
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

        public readonly Sums Plus(Sums other) => new()
        {
            SourceDebit = checked(SourceDebit + other.SourceDebit),
            SourceCredit = checked(SourceCredit + other.SourceCredit),
            SourceRecords = SourceRecords + other.SourceRecords,
            Debit = checked(Debit + other.Debit),
            Credit = checked(Credit + other.Credit),
        };
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

        public int Count => _texts.Count;

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

        /// <summary>Adds another part's kept sums, its journals by their numbers here.</summary>
        public void Add(DocumentBalances other, int[] journalIds)
        {
            Close();
            other.Close();
            foreach (var ((year, journal, document), net) in other._open)
            {
                ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, (year, journalIds[journal], document), out _);
                sum = checked(sum + net);
            }
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
