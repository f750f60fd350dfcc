using System.Security.Cryptography;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Load.Rows;
using Bascule.Load.Tables;

namespace Bascule.Load.Runs;

/// <summary>
/// The run's fingerprint (<see cref="RunFingerprint"/>: the same canonical text in the same canonical order, so the same
/// digest) computed from the rows as they are handed to the database, batch by batch, instead of reading the run back.
/// <para>
/// Within one table and source file, rows come in load order, which is the canonical order (records, then parts,
/// ascending); the tables and files interleave. The first table's first file (the ledger's staged lines: nearly all of a
/// run) is hashed as it comes. Every other (table, file) segment is kept aside in memory and hashed in canonical order at
/// the end. When the rows cannot be put in canonical order this way (a row out of order, a segment that sorts before the
/// one hashed as it came) or the rows kept aside outgrow <see cref="StagingOptions.FingerprintMemory"/>, it gives up and
/// <see cref="Finish"/> returns null: the caller then reads the run back, which always works.
/// </para>
/// </summary>
// The hash is released when the digest is taken or the run fails (Discard); a run abandoned half-way (a crash) leaves it
// to the finalizer, as the process ends anyway.
#pragma warning disable CA1001
internal sealed class StreamedFingerprint
#pragma warning restore CA1001
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly Dictionary<(int Table, string File), Segment> _kept = [];
    private readonly CanonicalSink _sink;
    private readonly long _memoryLimit;
    private readonly CanonicalText _streamedText = new();
    private readonly Position _streamedPosition = new();
    private (int Table, string File)? _streamed;
    private long _keptBytes;
    private string? _digest;

    public StreamedFingerprint(long memoryLimit)
    {
        _memoryLimit = memoryLimit;
        _sink = new CanonicalSink(this);
        // The first table's header opens the canonical text whatever comes.
        _streamedText.Header(StagingTables.All[0].Name);
    }

    /// <summary>Why the rows could not be fingerprinted as they came, or null while they can.</summary>
    public string? GaveUp { get; private set; }

    /// <summary>Adds one batch's rows, in the order the tables write them. Called once per batch, before its first attempt.</summary>
    public void Add(StagingBatch batch, RunId run, int batchNumber)
    {
        for (var i = 0; i < StagingTables.All.Count && GaveUp is null; i++)
        {
            var table = StagingTables.All[i];
            if (table.CountIn(batch) > 0)
            {
                _sink.Start(i, table);
                table.Write(batch, run, batchNumber, _sink);
            }
        }
    }

    /// <summary>The hex SHA-256 of the run's canonical text, or null when <see cref="GaveUp"/>.</summary>
    public string? Finish()
    {
        if (GaveUp is not null || _digest is not null)
        {
            return _digest;
        }

        var streamedTable = _streamed?.Table ?? 0;
        // A segment of the first table sorting before the streamed one should have come first: the order is lost.
        if (_streamed is { } streamed && _kept.Keys.Any(k => k.Table == streamed.Table && string.CompareOrdinal(k.File, streamed.File) < 0))
        {
            GiveUp($"{StagingTables.All[streamed.Table].Name} rows of a file sorting before {streamed.File} came after it");
            return null;
        }

        var text = _streamedText;
        for (var table = streamedTable; table < StagingTables.All.Count; table++)
        {
            if (table > streamedTable)
            {
                text.Header(StagingTables.All[table].Name);
            }

            foreach (var (_, segment) in _kept.Where(k => k.Key.Table == table).OrderBy(k => k.Key.File, StringComparer.Ordinal))
            {
                text.HashInto(_hash);
                segment.HashInto(_hash);
            }
        }

        text.HashInto(_hash);
        _kept.Clear();
        _digest = Convert.ToHexStringLower(_hash.GetHashAndReset());
        _hash.Dispose();
        return _digest;
    }

    /// <summary>Drops what was kept: the run failed.</summary>
    public void Discard()
    {
        GiveUp("the run failed");
        _hash.Dispose();
    }

    private void GiveUp(string reason)
    {
        GaveUp ??= reason;
        _kept.Clear();
        _streamedText.Clear();
    }

    private void Keep(int table, string file, long record, long part, CanonicalText row)
    {
        if (GaveUp is not null)
        {
            return;
        }

        var key = (table, file);
        _streamed ??= table == 0 ? key : null;
        if (_streamed == key)
        {
            if (!_streamedPosition.Follows(record, part))
            {
                GiveUp($"{StagingTables.All[table].Name} rows of {file} came out of order (record {record}, part {part})");
                return;
            }

            _streamedText.Append(row.Written);
            if (_streamedText.Length >= CanonicalText.Chunk)
            {
                _streamedText.HashInto(_hash);
            }

            return;
        }

        if (!_kept.TryGetValue(key, out var segment))
        {
            _kept[key] = segment = new Segment();
        }

        if (!segment.Position.Follows(record, part))
        {
            GiveUp($"{StagingTables.All[table].Name} rows of {file} came out of order (record {record}, part {part})");
            return;
        }

        segment.Append(row.Written);
        _keptBytes += row.Length;
        if (_keptBytes > _memoryLimit)
        {
            GiveUp($"the rows other than the staged lines outgrew {_memoryLimit / (1024 * 1024)} MB");
        }
    }

    // Receives a row as the tables write it and writes its canonical text: every column but run_id, batch and those the
    // fingerprint leaves out (StagingTable.FingerprintColumns), as RunFingerprint writes what it reads back. Routes the
    // row to its segment by its source file (the third column of every table), with its record and part for the order
    // check.
    private sealed class CanonicalSink(StreamedFingerprint owner) : IRowSink
    {
        private const int RunAndBatch = 2;
        private readonly CanonicalText _row = new(1024);
        private int _table;
        private int _recordColumn;
        private int _partColumn;
        private int _column;
        private int _written;
        private bool[] _leftOut = [];
        private string _file = "";
        private byte[] _fileUtf8 = [];
        private long _record;
        private long _part;

        public void Start(int table, StagingTable staging)
        {
            _table = table;
            _recordColumn = IndexOf(staging, "record");
            _partColumn = IndexOf(staging, "part");
            _leftOut = [.. staging.Columns.Select((c, i) => i < RunAndBatch || !c.Fingerprinted)];
        }

        public void BeginRow()
        {
            _row.Clear();
            _column = 0;
            _written = 0;
            _part = 0;
        }

        public void Text(string? value)
        {
            if (!Next())
            {
                return;
            }

            if (_column == RunAndBatch + 1)
            {
                _file = value ?? "";
                _fileUtf8 = Encoding.UTF8.GetBytes(_file);
            }

            _row.Text(value);
        }

        public void Utf8(ReadOnlySpan<byte> utf8, int utf16Length)
        {
            if (!Next())
            {
                return;
            }

            // The file's name is decoded only when it changes: rows come file by file.
            if (_column == RunAndBatch + 1 && !utf8.SequenceEqual(_fileUtf8))
            {
                _file = Encoding.UTF8.GetString(utf8);
                _fileUtf8 = utf8.ToArray();
            }

            _row.Text(utf8, utf16Length);
        }

        public void Number(int value) => Whole(value);

        public void BigNumber(long value) => Whole(value);

        public void Amount(Amount value)
        {
            if (Next())
            {
                _row.Amount(value);
            }
        }

        public void Day(DateOnly? value)
        {
            if (Next())
            {
                _row.Day(value);
            }
        }

        public void EndRow()
        {
            _row.EndRow();
            owner.Keep(_table, _file, _record, _part, _row);
        }

        private void Whole(long value)
        {
            if (!Next())
            {
                return;
            }

            if (_column - 1 == _recordColumn)
            {
                _record = value;
            }
            else if (_column - 1 == _partColumn)
            {
                _part = value;
            }

            _row.Whole(value);
        }

        // Counts the column; true when it belongs to the canonical text (run_id, batch and the raw text do not), after its
        // separator.
        private bool Next()
        {
            if (_leftOut[_column++])
            {
                return false;
            }

            if (_written++ > 0)
            {
                _row.Separator();
            }

            return true;
        }

        private static int IndexOf(StagingTable table, string name)
        {
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (table.Columns[i].Name == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }

    // The canonical text of one (table, file) kept for its turn, in fixed-size chunks: its memory is what it holds,
    // never a buffer doubled and copied as it grows.
    private sealed class Segment
    {
        private const int ChunkSize = 64 * 1024;
        private readonly List<byte[]> _chunks = [];
        private int _used = ChunkSize;

        public Position Position { get; } = new();

        public void Append(ReadOnlySpan<byte> bytes)
        {
            while (!bytes.IsEmpty)
            {
                if (_used == ChunkSize)
                {
                    _chunks.Add(new byte[ChunkSize]);
                    _used = 0;
                }

                var count = Math.Min(bytes.Length, ChunkSize - _used);
                bytes[..count].CopyTo(_chunks[^1].AsSpan(_used));
                _used += count;
                bytes = bytes[count..];
            }
        }

        public void HashInto(IncrementalHash hash)
        {
            for (var i = 0; i < _chunks.Count; i++)
            {
                hash.AppendData(_chunks[i], 0, i == _chunks.Count - 1 ? _used : ChunkSize);
            }
        }
    }

    // The last (record, part) of a segment: the canonical order sorts by them, so each row must come after the last.
    private sealed class Position
    {
        private long _record = long.MinValue;
        private long _part = long.MinValue;

        public bool Follows(long record, long part)
        {
            if (record < _record || (record == _record && part <= _part))
            {
                return false;
            }

            (_record, _part) = (record, part);
            return true;
        }
    }
}
