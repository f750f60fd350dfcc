namespace Bascule.Sample;

/// <summary>
/// The generator's own seeded random source (xoshiro256** seeded by SplitMix64). System.Random is not used:
/// its algorithm may change between .NET versions, and the committed samples must stay byte-identical.
/// Only IEEE-exact operations (+ − × ÷) are used on doubles, so results do not depend on the platform's maths library.
/// </summary>
public sealed class SampleRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SampleRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>An independent stream for one purpose (one third party, one article), stable whatever else is drawn.</summary>
    public static SampleRandom For(ulong seed, string purpose, long index)
    {
        var h = seed ^ 0xCBF29CE484222325UL;
        foreach (var c in purpose)
        {
            h = unchecked((h ^ c) * 0x100000001B3UL);
        }

        return new SampleRandom(unchecked(h ^ ((ulong)index * 0x9E3779B97F4A7C15UL)));
    }

    public ulong NextUInt64()
    {
        var result = unchecked(RotateLeft(_s1 * 5, 7) * 9);
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A whole number in [0, bound).</summary>
    public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

    /// <summary>A whole number in [min, max], both included.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>
    /// A log-normal multiplier with median 1: most draws near 1, a few several times larger, as invoice amounts are.
    /// The normal draw is the Irwin–Hall sum of twelve uniforms; exp is (1 + x/1024)^1024, both platform-exact.
    /// </summary>
    public double LogNormal(double sigma)
    {
        var normal = -6.0;
        for (var i = 0; i < 12; i++)
        {
            normal += NextDouble();
        }

        var factor = 1.0 + (sigma * normal / 1024.0);
        for (var i = 0; i < 10; i++)
        {
            factor *= factor;
        }

        return factor;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
