using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Bascule.Extract.Reading;

/// <summary>
/// Finds exact duplicates of ledger lines: same JOURNAL, NUM_PIECE, NUM_LIGNE and same content in every canonical
/// field (ignored columns do not count). It keeps only a 64-bit XxHash3 of each line read, in an open-addressing
/// table sized from the control file's line count: 8 bytes a slot at a load under 0.75, so about 64 MB for
/// 5,000,000 lines (against roughly 1 GB for the lines themselves). The price of a hash is that two different lines
/// could collide: at 5 million lines the chance that any pair does is about 7 in 10 million (n² / 2⁶⁵).
/// </summary>
internal sealed class DuplicateDetector
{
    private const char FieldSeparator = '\u001F';

    private readonly XxHash3 _hash = new();
    private ulong[] _slots;
    private int _count;

    public DuplicateDetector(long expectedLines)
    {
        var capacity = 1024;
        while (capacity < expectedLines + (expectedLines / 3) && capacity < (1 << 30))
        {
            capacity <<= 1;
        }

        _slots = new ulong[capacity];
    }

    /// <summary>True when the same canonical content was read before; the line is remembered otherwise.</summary>
    public bool IsRepeat(RowParser row, int fieldCount)
    {
        _hash.Reset();
        ReadOnlySpan<char> separator = [FieldSeparator];
        for (var field = 0; field < fieldCount; field++)
        {
            _hash.Append(MemoryMarshal.AsBytes(row[field].Trim()));
            _hash.Append(MemoryMarshal.AsBytes(separator));
        }

        // Zero marks an empty slot: a line whose hash is zero is stored as one.
        var hash = _hash.GetCurrentHashAsUInt64();
        return !Add(hash == 0 ? 1 : hash);
    }

    private bool Add(ulong hash)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var mask = _slots.Length - 1;
        for (var slot = (int)(hash & (ulong)mask); ; slot = (slot + 1) & mask)
        {
            if (_slots[slot] == 0)
            {
                _slots[slot] = hash;
                _count++;
                return true;
            }

            if (_slots[slot] == hash)
            {
                return false;
            }
        }
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        _count = 0;
        foreach (var hash in old)
        {
            if (hash != 0)
            {
                Add(hash);
            }
        }
    }
}
