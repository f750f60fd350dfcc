using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bascule.Extract;
using Bascule.Jobs.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers;
using Bascule.MigrateBench;
using Bascule.Transform;

// Measures one path per process, so that peak memory belongs to that path alone:
//   MigrateBench <parse|map|discard|floor|migrate> <export> <mapping> <sqlite|postgres> [connection]
// "floor" is parse + the provider's bulk path with no mapping (each line staged once, as its own target);
// "discard" is the floor with the rows dropped instead of sent, to tell the database's share from ours.
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: MigrateBench <parse|map|floor|migrate> <export-dir> <mapping-dir> <sqlite|postgres> [connection]");
    return 64;
}

var (mode, exportDir, mappingDir, providerName) = (args[0], args[1], args[2], args[3]);
var connection = args.Length > 4 ? args[4] : null;
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
        var result = await new MigrationPipeline(provider, new PlainProgress(Console.Error))
            .RunAsync(new MigrationRequest(exportDir, mappingDir, Path.Combine("out", "bench", "reconciliation"), "out", new StagingOptions()), CancellationToken.None);
        lines = result.Reconciliation.SourceFiles.Where(f => f.Name == "ECRITURES.csv").Sum(f => f.Lines);
        break;
    }
}

watch.Stop();
using var self = Process.GetCurrentProcess();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"{mode};{providerName};{lines};{watch.Elapsed.TotalSeconds:0.00};{lines / watch.Elapsed.TotalSeconds:0};{self.PeakWorkingSet64 / (1024 * 1024)}"));
return 0;
