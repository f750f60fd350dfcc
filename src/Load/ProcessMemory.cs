using System.Runtime.InteropServices;

namespace Bascule.Load;

/// <summary>
/// Gives back to the operating system the memory that native code (SQLite's engine, which runs in our process) freed but
/// the C allocator keeps for later. On Linux, glibc keeps what each thread freed in that thread's arena: after the load's
/// writers and the reconciliation's parallel reads, tens of megabytes that no one uses stay counted in the process's
/// resident memory until the process ends. Called between a run's stages; elsewhere (another C library, another system)
/// it does nothing.
/// </summary>
public static partial class ProcessMemory
{
    /// <summary>
    /// Collects the managed heap, decommitting what it no longer uses, then gives back the native memory freed: between the
    /// stages of a command whose large objects (a run's figures, its reports) have just been let go. One full blocking
    /// collection: not for a loop.
    /// </summary>
    public static void ReturnFreedMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        ReturnFreedNativeMemory();
    }

    public static void ReturnFreedNativeMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            _ = malloc_trim(0);
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            // Not glibc (musl has no malloc_trim): nothing to give back this way.
        }
    }

    [LibraryImport("libc")]
    private static partial int malloc_trim(nuint pad);
}
