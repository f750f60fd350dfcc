using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Bascule.Load.Runs.Leases;

/// <summary>
/// Tells a live process from a later one that was given the same process id: the start time the operating system keeps
/// for it, as an opaque stamp compared for equality. On Linux it is the start time in clock ticks after boot, read from
/// <c>/proc/PID/stat</c> (exact, and unmoved by changes of the wall clock, which .NET's <c>Process.StartTime</c> is
/// derived from there); elsewhere <c>Process.StartTime</c>, which those systems keep as an exact instant.
/// </summary>
public static class ProcessStamp
{
    /// <summary>This process's stamp.</summary>
    public static string? Current { get; } = Of(Environment.ProcessId).Stamp;

    /// <summary>
    /// Whether a process with that id runs on this host and, when it does, its stamp (null when the system would not
    /// say, for instance another account's process on Windows). An exited process not yet reaped (a zombie) does not run.
    /// </summary>
    public static (bool Runs, string? Stamp) Of(int processId) =>
        OperatingSystem.IsLinux() ? FromProc(processId) : FromProcessTable(processId);

    private static (bool, string?) FromProc(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return (false, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // It exists (or existed a moment ago) but cannot be read: assume it runs, without a stamp.
            return (true, null);
        }

        // "pid (command) state ppid …": the command may hold spaces and parentheses, so fields are counted from the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Field 3 is the state (Z: exited, not yet reaped; X: dead), field 22 the start time in clock ticks after boot.
        if (fields.Length < 20 || fields[0] is "Z" or "X")
        {
            return (false, null);
        }

        return (true, "linux:" + fields[19]);
    }

    private static (bool, string?) FromProcessTable(int processId)
    {
        Process process;
        try
        {
            process = Process.GetProcessById(processId);
        }
        catch (ArgumentException)
        {
            return (false, null);
        }

        using (process)
        {
            try
            {
                return process.HasExited
                    ? (false, null)
                    : (true, "start:" + process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is Win32Exception or InvalidOperationException or NotSupportedException)
            {
                // Another account's process: it runs, but the system does not tell its start time.
                return (true, null);
            }
        }
    }
}
