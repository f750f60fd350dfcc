using System.Diagnostics;
using Bascule.Extract;
using Bascule.Extract.Encodings;
using Bascule.ExtractBench;

// bench/README.md says how to make the input and run this. One mode per process, so the peak working set is the mode's own.
if (args.Length != 2 || !Modes.All.ContainsKey(args[0]))
{
    Console.Error.WriteLine($"usage: ExtractBench <{string.Join('|', Modes.All.Keys)}> <export folder>");
    return 2;
}

var (mode, folder) = (args[0], args[1]);
var ledger = Path.Combine(folder, "ECRITURES.csv");
var encoding = EncodingDetector.Detect(ledger);
var megabytes = new FileInfo(ledger).Length / 1_048_576.0;

// One warm-up pass reads the file into the page cache and JIT-compiles the path, so the timed pass measures parsing.
await Modes.All[mode](folder, ledger, encoding);
// The machine is shared: processor time is reported beside wall time, as it is the steadier of the two.
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var stopwatch = Stopwatch.StartNew();
var records = await Modes.All[mode](folder, ledger, encoding);
stopwatch.Stop();
process.Refresh();

var seconds = stopwatch.Elapsed.TotalSeconds;
var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
var peak = process.PeakWorkingSet64 / 1_048_576.0;
Console.WriteLine(FormattableString.Invariant(
    $"{mode,-10} {records,10:N0} records  {seconds,6:F2} s  {records / seconds,12:N0} records/s  {megabytes / seconds,7:F1} MB/s  cpu {
        cpu,6:F2} s  {records / cpu,12:N0} records/cpu-s  peak working set {peak,6:F0} MB"));
return 0;
