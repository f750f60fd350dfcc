using Bascule.TestSupport.Samples;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Sample;

public sealed class SampleCommandTests
{
    [Fact]
    public async Task Sample_command_writes_a_checked_cpas_export()
    {
        using var folder = new TempDirectory();

        var exit = await BasculeApp.Create().RunAsync(
            ["sample", "--out", folder.Path, "--entity-type", "CPAS", "--year", "2022", "--lines", "800", "--seed", "5",
             "--entity-name", "CPAS d'Ixelles", "--ins", "21009"], TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        IndependentExportChecks.Verify(folder.Path, "CPAS", 2022);
        var control = IndependentExportReader.Text(folder.Path, "EXPORT.txt");
        Assert.Contains("ENTITE=CPAS d'Ixelles\r\n", control, StringComparison.Ordinal);
        Assert.Contains("CODE_INS=21009\r\n", control, StringComparison.Ordinal);
        Assert.Contains("FICHIER=ECRITURES.csv;LIGNES=800;", control, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_command_defaults_to_a_commune_of_2000_lines_in_2023()
    {
        using var folder = new TempDirectory();

        var exit = await BasculeApp.Create().RunAsync(["sample", "--out", folder.Path], TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        IndependentExportChecks.Verify(folder.Path, "COMMUNE", 2023);
        Assert.Equal(2000, IndependentExportReader.Table(folder.Path, "ECRITURES.csv").Count);
    }

    [Theory]
    [InlineData("--lines", "5")]
    [InlineData("--entity-type", "REGION")]
    [InlineData("--ins", "2100")]
    [InlineData("--entity-name", "CPAS \u5317\u4eac")]
    [InlineData("--entity-name", "Commune\r\nTYPE_ENTITE=CPAS")]
    public async Task Sample_command_refuses_bad_options_and_writes_nothing(string option, string value)
    {
        using var folder = new TempDirectory();
        var target = folder.Combine("export");

        var exit = await BasculeApp.Create().RunAsync(["sample", "--out", target, option, value], TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Sample_command_says_when_it_cannot_write_the_folder()
    {
        using var folder = new TempDirectory();
        var target = folder.Combine("taken");
        await File.WriteAllTextAsync(target, "a file where the folder should go", TestContext.Current.CancellationToken);

        var exit = await BasculeApp.Create().RunAsync(["sample", "--out", target], TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.True(File.Exists(target));
    }
}
