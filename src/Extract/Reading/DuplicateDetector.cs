using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Bascule.Extract.Reading;

/// <summary>
/// Finds exact duplicates of ledger lines: the same record text, hence the same JOURNAL, NUM_PIECE, NUM_LIGNE and
/// the same content in every column (an extra column that differs, such as a user name, makes it another line).
/// It keeps only a 64-bit XxHash3 of each line read, in an open-addressing
/// table sized from the control file's line count: 8 bytes a slot, a third more slots than lines, so about 53 MB for
/// 5,000,000 lines (against roughly 1 GB for the lines themselves). The price of a hash is that two different lines
/// could collide: at 5 million lines the chance that any pair does is about 7 in 10 million (n² / 2⁶⁵).
/// </summary>
internal sealed class DuplicateDetector
{
    private ulong[] _slots;
    private int _count;

    public DuplicateDetector(long expectedLines)
    {
        // A third more slots than lines, and a little over (the table grows past a load of 0.75), rather than the next
        // power of two, which could nearly double it: the slot of a hash is found by multiplying rather than masking,
        // so any size works.
        _slots = new ulong[(int)Math.Clamp(expectedLines + (expectedLines / 3) + 1024, 1024, Array.MaxLength)];
    }

    /// <summary>True when a record with exactly the same text was read before; the record is remembered otherwise.</summary>
    public bool IsRepeat(ReadOnlySpan<char> recordText)
    {
        // Zero marks an empty slot: a record whose hash is zero is stored as one.
        var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(recordText));
        return !Add(hash == 0 ? 1 : hash);
    }

    private bool Add(ulong hash)
    {
        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        var slots = _slots.Length;
        for (var slot = Home(hash, slots); ; slot = slot + 1 == slots ? 0 : slot + 1)
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

    // The hash scaled to [0, slots): its high bits pick the slot, uniformly for any table size.
    private static int Home(ulong hash, int slots) => (int)Math.BigMul(hash, (ulong)slots, out _);

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
