using System.Globalization;
using System.Text.Json;
using Bascule.Extract.Values;
using Bascule.Sample;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>Generated exports of communes with distinct INS codes for one year, and the fleet file that lists them.</summary>
internal static class FleetFile
{
    public static readonly FiscalYear Year = new(2023);

    /// <summary>Writes <paramref name="count"/> exports of <paramref name="lines"/> ledger lines, INS codes from <paramref
    /// name="firstIns"/> on.</summary>
    public static (string Path, IReadOnlyList<TestEntity> Entities) Write(TempDirectory temp, int count, long lines, int firstIns)
    {
        var entries = new List<object>();
        var entities = new List<TestEntity>();
        for (var i = 0; i < count; i++)
        {
            var ins = (firstIns + i).ToString(CultureInfo.InvariantCulture);
            var key = $"commune-{ins}";
            var folder = temp.Combine("exports", Year.ToString(), key);
            SampleGenerator.Generate(
                new SampleOptions(folder, EntityType.Commune, Year, lines, (ulong)(firstIns + i), $"Commune {ins}", ins));
            entries.Add(new { key, name = $"Commune {ins}", type = EntityType.Commune
                .ToCode(), ins, export = $"exports/{{year}}/{key}", mapping = TestEntity.Mapping });
            entities.Add(new TestEntity(folder, EntityType.Commune, ins, Year));
        }

        var path = temp.Combine("fleet.json");
        File.WriteAllText(path, JsonSerializer.Serialize(new { entities = entries }));
        return (path, entities);
    }
}
