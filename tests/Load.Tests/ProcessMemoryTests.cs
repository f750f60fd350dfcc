using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Bascule.Load.Tests;

// Alone: the process's resident memory is what it measures, and other tests' allocations would move it.
[Collection(nameof(ProcessMemoryTests))]
[CollectionDefinition(nameof(ProcessMemoryTests), DisableParallelization = true)]
public sealed class ProcessMemoryTests
{
    private const int TrimThreshold = -1;
    private const int DefaultTrimThreshold = 128 << 10;

    [Fact]
    public void Native_memory_freed_and_kept_by_the_allocator_goes_back_to_the_system()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("malloc_trim is glibc's: on this system ProcessMemory does nothing.");
        }

        // glibc gives the top of a heap back by itself when a free leaves enough there: told to keep it, and with a block
        // left live after the freed ones (as other live blocks hold SQLite's freed caches in place in a long run), it holds
        // the 64 MB freed below until it is asked to give them back.
        Assert.Equal(1, mallopt(TrimThreshold, int.MaxValue));
        try
        {
            const int blocks = 1024, size = 64 << 10;
            var ones = Enumerable.Repeat((byte)1, size).ToArray();
            var pointers = new IntPtr[blocks];
            for (var i = 0; i < blocks; i++)
            {
                pointers[i] = Marshal.AllocHGlobal(size);
                Marshal.Copy(ones, 0, pointers[i], size);
            }

            var live = Marshal.AllocHGlobal(size);
            foreach (var pointer in pointers)
            {
                Marshal.FreeHGlobal(pointer);
            }

            var held = ResidentBytes();
            ProcessMemory.ReturnFreedNativeMemory();
            var released = held - ResidentBytes();
            Marshal.FreeHGlobal(live);
            Assert.True(released > 32L << 20, $"only {released >> 20} MB of the 64 MB freed went back to the system");
        }
        finally
        {
            _ = mallopt(TrimThreshold, DefaultTrimThreshold);
        }
    }

    [Fact]
    public void Managed_memory_let_go_is_collected_and_decommitted()
    {
        // 96 MB in large arrays, written to so that they are resident, then let go: no collection has run yet.
        var held = ResidentWithGarbage(96, 1 << 20);

        ProcessMemory.ReturnFreedMemory();

        var released = held - ResidentBytes();
        Assert.True(released > 64L << 20, $"only {released >> 20} MB of the 96 MB let go went back to the system");
    }

    // The resident memory while the arrays live; they are unreachable once this returns (its frame, which holds them
    // even in a debug build, is gone).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long ResidentWithGarbage(int count, int size)
    {
        var arrays = Enumerable.Range(0, count).Select(_ => Enumerable.Repeat((byte)1, size).ToArray()).ToArray();
        var resident = ResidentBytes();
        GC.KeepAlive(arrays);
        return resident;
    }

    // The process's resident pages, as /proc gives them now.
    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;

    [DllImport("libc")]
    private static extern int mallopt(int parameter, int value);
}
