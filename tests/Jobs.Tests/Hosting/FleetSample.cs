using System.Globalization;
using System.Text.Json;
using Bascule.Extract.Values;
using Bascule.Jobs.Hosting;
using Bascule.Sample;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>A fleet of generated exports (communes and CPAS under several INS codes) and its fleet.json, in a temporary folder.</summary>
internal static class FleetSample
{
    public static readonly FiscalYear Year = new(2023);

    public static Fleet Write(TempDirectory temp, int entities, long lines = 600)
    {
        var entries = new List<object>();
        for (var i = 0; i < entities; i++)
        {
            var type = i % 2 == 0 ? EntityType.Commune : EntityType.Cpas;
            var ins = string.Create(CultureInfo.InvariantCulture, $"210{i / 2 + 1:00}");
            var key = $"{type.ToCode().ToLowerInvariant()}-{ins}";
            var folder = temp.Combine("exports", Year.ToString(), key);
            SampleGenerator.Generate(new SampleOptions(folder, type, Year, lines, (ulong)(i + 1), $"{type.ToCode()} {ins}", ins));
            entries.Add(new { key, name = $"{type.ToCode()} {ins}", type = type
                .ToCode(), ins, export = $"exports/{{year}}/{key}", mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0") });
        }

        var path = temp.Combine("fleet.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { entities = entries }));
        return Fleet.Load(path);
    }
}
