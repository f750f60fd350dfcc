using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Jobs.Tests.Hosting;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary><c>bascule fleet</c> as a real process, run from a folder other than the fleet file's.</summary>
public sealed class FleetListTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Fleet_resolves_relative_paths_against_the_fleet_files_folder_and_says_each_folder_is_there()
    {
        var fleet = FleetSample.Write(_temp, entities: 2, lines: 100);
        var elsewhere = Directory.CreateDirectory(_temp.Combine("elsewhere")).FullName;

        var (exit, output) = await CliProcess.RunAsync(
            elsewhere,
            ["fleet", "--fleet", fleet.Path, "--format", "json"],
            TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Done, exit);
        var document = JsonDocument.Parse(output).RootElement;
        Assert.True(document.GetProperty("ok").GetBoolean());
        var entities = document.GetProperty("entities").EnumerateArray().ToList();
        Assert.Equal(fleet.Entities.Select(e => e.Key), entities.Select(e => e.GetProperty("key").GetString()));
        foreach (var entity in entities)
        {
            // FleetSample writes "exports/{year}/KEY", relative: resolved under the fleet file's folder, not the working one.
            Assert.Equal(
                _temp.Combine("exports", "{year}", entity.GetProperty("key").GetString()!),
                entity.GetProperty("export").GetString());
            var export = Assert.Single(entity.GetProperty("exports").EnumerateArray());
            Assert.Equal((2023, "ok"), (export.GetProperty("year").GetInt32(), export.GetProperty("state").GetString()));
            Assert.Equal("ok", entity.GetProperty("mapping").GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task Fleet_names_a_missing_export_or_mapping_folder_and_exits_2()
    {
        var fleet = FleetSample.Write(_temp, entities: 2, lines: 100);
        var missing = fleet.Entities[0].ExportFolder(new Extract.Values.FiscalYear(2022));

        var (exit, output) = await CliProcess.RunAsync(
            _temp.Path,
            ["fleet", "--fleet", fleet.Path, "--years", "2022-2023"],
            TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Failed, exit);
        var flat = CliProcess.Flat(output);
        Assert.Contains($"{fleet.Entities[0].Key} 2022: the export folder {missing} does not exist.", flat, StringComparison.Ordinal);
        Assert.Contains($"{fleet.Entities[1].Key} 2022: the export folder ", flat, StringComparison.Ordinal);
        Assert.DoesNotContain(" 2023: the export folder", flat, StringComparison.Ordinal);
        Assert.Contains($"Fleet {fleet.Path} (relative paths resolved against its folder):", flat, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
