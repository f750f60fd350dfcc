using Bascule.Extract.Values;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Hosting;

public sealed class FleetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public void The_example_fleet_file_points_at_the_bundled_samples()
    {
        var fleet = Fleet.Load(RepositoryRoot.Combine("fleet.json"));

        var commune = fleet.Find("commune-etterbeek");

        Assert.Equal((EntityType.Commune, "21005"), (commune.Type, commune.InsCode));
        Assert.True(File.Exists(Path.Combine(commune.ExportFolder(new FiscalYear(2023)), "EXPORT.txt")));
        Assert.True(Directory.Exists(commune.Mapping));
    }

    [Fact]
    public void A_bad_ins_code_names_the_file_and_the_entity()
    {
        var path = _temp.Combine("fleet.json");
        File.WriteAllText(path, """{"entities":[{"key":"x","name":"X","type":"CPAS","ins":"2100","export":"e/{year}","mapping":"m"}]}""");

        var error = Assert.Throws<FleetFileException>(() => Fleet.Load(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("'x'", error.Message, StringComparison.Ordinal);
        Assert.Contains("5 digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_names_the_line()
    {
        var path = _temp.Combine("fleet.json");
        File.WriteAllText(path, "{\n  \"entities\": [\n    {\"key\": }\n  ]\n}");

        var error = Assert.Throws<FleetFileException>(() => Fleet.Load(path));

        Assert.StartsWith(path + ":3:", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
