using Bascule.TestSupport.Samples;
using Bascule.Extract.Values;
using Bascule.TestSupport;

namespace Bascule.Sample.Tests;

public sealed class SampleGeneratorTests
{
    [Theory]
    [InlineData(EntityType.Commune, 1UL, 2023)]
    [InlineData(EntityType.Cpas, 1UL, 2023)]
    [InlineData(EntityType.Commune, 42UL, 2021)]
    [InlineData(EntityType.Cpas, 7UL, 2024)]
    public void Export_passes_the_independent_checks(EntityType type, ulong seed, int year)
    {
        using var folder = new TempDirectory();
        SampleGenerator.Generate(Options(folder.Path, type, 2_500, seed, year));

        IndependentExportChecks.Verify(folder.Path, type.ToCode(), year);
    }

    [Fact]
    public void Same_seed_writes_byte_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        SampleGenerator.Generate(Options(first.Path, EntityType.Cpas, 1_500, seed: 9));
        SampleGenerator.Generate(Options(second.Path, EntityType.Cpas, 1_500, seed: 9));

        foreach (var file in IndependentExportChecks.DataFiles.Append("EXPORT.txt"))
        {
            Assert.Equal(File.ReadAllBytes(first.Combine(file)), File.ReadAllBytes(second.Combine(file)));
        }
    }

    [Fact]
    public void Another_seed_writes_another_ledger()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        SampleGenerator.Generate(Options(first.Path, EntityType.Commune, 500, seed: 1));
        SampleGenerator.Generate(Options(second.Path, EntityType.Commune, 500, seed: 2));

        Assert.NotEqual(File.ReadAllBytes(first.Combine("ECRITURES.csv")), File.ReadAllBytes(second.Combine("ECRITURES.csv")));
    }

    [Theory]
    [InlineData(EntityType.Commune, 0)]
    [InlineData(EntityType.Commune, 1)]
    [InlineData(EntityType.Cpas, 2)]
    [InlineData(EntityType.Cpas, 3)]
    [InlineData(EntityType.Commune, 1_234)]
    [InlineData(EntityType.Cpas, 4_321)]
    public void Ledger_holds_exactly_the_requested_lines(EntityType type, int beyondMinimum)
    {
        using var folder = new TempDirectory();
        var options = Options(folder.Path, type, 0, seed: 3);
        var lines = SampleGenerator.MinimumLines(options) + beyondMinimum;

        SampleGenerator.Generate(options with { Lines = lines });

        Assert.Equal(lines, IndependentExportReader.Table(folder.Path, "ECRITURES.csv").Count);
        IndependentExportChecks.Verify(folder.Path, type.ToCode(), 2023);
    }

    [Fact]
    public void Ledger_shows_every_legacy_notation()
    {
        using var folder = new TempDirectory();
        SampleGenerator.Generate(Options(folder.Path, EntityType.Commune, 3_000, seed: 1));
        var ledger = IndependentExportReader.Table(folder.Path, "ECRITURES.csv");
        var amounts = ledger.SelectMany(l => new[] { l["DEBIT"], l["CREDIT"] }).ToList();
        var labels = ledger.Select(l => l["LIBELLE"]).ToList();

        Assert.Contains(amounts, a => a.Length == 0);
        Assert.Contains("0,00", amounts);
        Assert.Contains(amounts, a => a.Contains('.', StringComparison.Ordinal));
        Assert.Contains(ledger, l => l["DEBIT"].StartsWith('-'));
        Assert.Contains(amounts, a => a.EndsWith('-'));
        Assert.Contains(labels, l => l.Contains(';', StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains('"', StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("\r\n", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains('€', StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains('é', StringComparison.Ordinal));
        Assert.True(IndependentExportChecks.IsSingleByteAccented(File.ReadAllBytes(folder.Combine("ECRITURES.csv"))));
        Assert.Equal(["ACH", "FIN", "OD", "OUV", "VEN"], ledger.Select(l => l["JOURNAL"]).Distinct().Order());
        Assert.Contains(ledger, l => l["SERVICE"] == "E");
    }

    private static SampleOptions Options(string folder, EntityType type, long lines, ulong seed, int year = 2023) =>
        new(folder, type, new FiscalYear(year), lines, seed, SampleOptions.DefaultEntityName(type), SampleOptions.EtterbeekIns);
}
