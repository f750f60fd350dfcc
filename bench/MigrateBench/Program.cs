using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bascule.Extract;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.MigrateBench;
using Bascule.Transform;

// Measures one path per process, so that peak memory belongs to that path alone:
//   MigrateBench <parse|map|narrow|discard|floor|migrate> <export> <mapping> <sqlite|postgres> [connection]
// "narrow" is parse + the database's fastest way in for the parsed ledger fields, into an unindexed table;
// "floor" is parse + Bascule's bulk path with no mapping (each line staged once, as its own target, with its lineage);
// "discard" is the floor with the rows dropped instead of sent, to tell the database's share from ours.
// Output, one line: path;provider;lines;seconds;lines_per_second;peak_working_set_mb;cpu_seconds;stages
// (cpu_seconds is this process's processor time: it stays meaningful when other work shares the machine).
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
if (args.Length < 4)
{
    Console.Error.WriteLine(
        "usage: MigrateBench <parse|map|narrow|discard|floor|migrate> <export-dir> <mapping-dir> <sqlite|postgres> [connection]");
    return 64;
}

var (mode, exportDir, mappingDir, providerName) = (args[0], args[1], args[2], args[3]);
var connection = args.Length > 4 ? args[4] : null;
var clock = new StageClock();
var watch = Stopwatch.StartNew();
long lines;
switch (mode)
{
    case "parse":
        lines = await Paths.ParseAsync(LegacyExport.Open(exportDir));
        break;
    case "map":
        lines = await Paths.MapAsync(LegacyExport.Open(exportDir), MappingVersion.Load(mappingDir));
        break;
    case "narrow":
        lines = providerName == "postgres"
            ? await NarrowFloor.PostgresAsync(
                LegacyExport.Open(exportDir),
                connection ?? throw new ArgumentException("narrow on postgres needs a connection string"),
                watch)
            : await NarrowFloor.SqliteAsync(LegacyExport.Open(exportDir), connection ?? Path.Combine("out", "bench", "narrow.db"), watch);
        break;
    case "floor":
    {
        await using var provider = StagingProviders.Create(providerName, connection, Path.Combine("out", "bench"));
        lines = await Paths.FloorAsync(LegacyExport.Open(exportDir), provider, watch);
        break;
    }

    case "discard":
    {
        await using var provider = new DiscardingProvider(StagingProviders.Create(providerName, connection, Path.Combine("out", "bench")));
        lines = await Paths.FloorAsync(LegacyExport.Open(exportDir), provider, watch);
        break;
    }

    default:
    {
        await using var provider = StagingProviders.Create(providerName, connection, Path.Combine("out", "bench"));
        var result = await new MigrationPipeline(provider, clock)
            .RunAsync(
                new MigrationRequest(exportDir, mappingDir, Path.Combine("out", "bench", "reconciliation"), "out", new StagingOptions()),
                CancellationToken.None);
        lines = result.Reconciliation.SourceFiles.Where(f => f.Name == "ECRITURES.csv").Sum(f => f.Lines);
        break;
    }
}

watch.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{mode};{providerName};{lines};{watch.Elapsed.TotalSeconds:0.00};{lines / watch.Elapsed.TotalSeconds:0};{
        self.PeakWorkingSet64 / (1024 * 1024)};{self.TotalProcessorTime.TotalSeconds:0.00};{
        clock}"));
return 0;
