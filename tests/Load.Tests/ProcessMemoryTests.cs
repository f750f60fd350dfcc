using System.Globalization;
using System.Runtime.InteropServices;

namespace Bascule.Load.Tests;

public sealed class ProcessMemoryTests
{
    [Fact]
    public void Native_memory_freed_between_live_blocks_goes_back_to_the_system()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("malloc_trim is glibc's: on this system ProcessMemory does nothing.");
        }

        // 64 MB in blocks of 64 KB (under the allocator's own mmap threshold, so they come from its heap), each touched and
        // followed by a small block that stays live. Freeing the large ones leaves holes that the allocator keeps (they
        // are not at the top of its heap) until it is asked to give them back, as SQLite's freed caches were.
        const int blocks = 1024, size = 64 << 10;
        var large = new IntPtr[blocks];
        var small = new IntPtr[blocks];
        var ones = Enumerable.Repeat((byte)1, size).ToArray();
        try
        {
            for (var i = 0; i < blocks; i++)
            {
                large[i] = Marshal.AllocHGlobal(size);
                Marshal.Copy(ones, 0, large[i], size);
                small[i] = Marshal.AllocHGlobal(16);
            }

            foreach (var pointer in large)
            {
                Marshal.FreeHGlobal(pointer);
            }

            var held = ResidentBytes();
            ProcessMemory.ReturnFreedNativeMemory();
            var released = held - ResidentBytes();
            Assert.True(released > 32L << 20, $"only {released >> 20} MB of the 64 MB freed went back to the system");
        }
        finally
        {
            foreach (var pointer in small.Where(p => p != IntPtr.Zero))
            {
                Marshal.FreeHGlobal(pointer);
            }
        }
    }

    // The process's resident pages, as /proc gives them now.
    private static long ResidentBytes() =>
        long.Parse(File.ReadAllText("/proc/self/statm").Split(' ')[1], CultureInfo.InvariantCulture) * Environment.SystemPageSize;
}
