using Bascule.TestSupport.Samples;
using Bascule.Jobs.Cli;
using Bascule.Jobs.Tests.Cli;
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

    [Fact]
    public async Task Sample_command_writes_consecutive_years_where_the_placeholder_says()
    {
        using var folder = new TempDirectory();

        var (exit, output) = await CliRun.RunAsync(
            "sample", "--out", folder.Combine(
                "cpas-{year}"), "--entity-type", "CPAS", "--years", "2022-2023", "--lines", "900", "--seed", "4");

        Assert.Equal(0, exit);
        Assert.Equal(
            ["cpas-2022", "cpas-2023"],
            Directory.GetDirectories(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        IndependentExportChecks.Verify(folder.Combine("cpas-2022"), "CPAS", 2022);
        IndependentExportChecks.Verify(folder.Combine("cpas-2023"), "CPAS", 2023);
        Assert.Contains(
            "2023 opens with the closing balances of 2022; the previous year's result is carried onto account 1000000 (Patrimoine).",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sample_command_writes_each_year_into_a_subfolder_without_the_placeholder()
    {
        using var folder = new TempDirectory();
        var target = folder.Combine("history");

        var (exit, output) = await CliRun.RunAsync("sample", "--out", target, "--years", "2021-2023", "--lines", "600");

        Assert.Equal(0, exit);
        Assert.Equal(["2021", "2022", "2023"], Directory.GetDirectories(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFiles(target));
        foreach (var year in new[] { 2021, 2022, 2023 })
        {
            IndependentExportChecks.Verify(Path.Combine(target, $"{year}"), "COMMUNE", year);
            Assert.Equal(600, IndependentExportReader.Table(Path.Combine(target, $"{year}"), "ECRITURES.csv").Count);
        }

        Assert.Contains("Each year from 2022 to 2023 opens with the previous year's closing balances", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--years 2023-2022", "--years 2023-2022 goes backwards: write the first year first, e.g. --years 2022-2023.")]
    [InlineData(
        "--years 2022",
        "--years '2022' is not a range of two 4-digit years: write the first and the last year, e.g. --years 2022-2023.")]
    [InlineData("--years 2022..2023", "--years '2022..2023' is not a range of two 4-digit years")]
    [InlineData("--years 1985-1992", "--years 1985-1992 is outside 1990-2100.")]
    [InlineData(
        "--years 2000-2010",
        "--years 2000-2010 spans 11 years: give at most 10 consecutive years at once, e.g. --years 2000-2009.")]
    [InlineData(
        "--year 2023 --years 2022-2023",
        "--year 2023 and --years 2022-2023 cannot be used together: give --year for one year, or --years for consecutive years.")]
    [InlineData("--years 2022-2023 --lines 21", "--lines 21 is too few: each year of a COMMUNE history needs at least 22 lines")]
    public async Task Sample_command_refuses_a_bad_range_and_writes_nothing(string options, string message)
    {
        using var folder = new TempDirectory();
        var target = folder.Combine("export-{year}");

        var (exit, output) = await CliRun.RunAsync(["sample", "--out", target, .. options.Split(' ')]);

        Assert.Equal(1, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }
}
