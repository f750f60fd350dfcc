using Bascule.TestSupport.Samples;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Sample;

/// <summary>The samples under samples/ are the generator's output, byte for byte, with the commands in samples/README.md.</summary>
public sealed class CommittedSamplesTests
{
    private const string Samples = "samples/";

    /// <summary>The commands of samples/README.md (after <c>dotnet run --project src/Jobs --</c>) and the folders each writes.</summary>
    public static TheoryData<string, string[]> Commands => new()
    {
        {
            "sample --out samples/commune-etterbeek-{year} --entity-type COMMUNE --years 2022-2023 --lines 3000 --seed 1",
            ["commune-etterbeek-2022", "commune-etterbeek-2023"]
        },
        {
            "sample --out samples/cpas-etterbeek-2023 --entity-type CPAS --year 2023 --lines 2000 --seed 1",
            ["cpas-etterbeek-2023"]
        },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Committed_sample_is_what_the_generator_writes(string command, string[] samples)
    {
        using var folder = new TempDirectory();
        var readme = await File.ReadAllTextAsync(RepositoryRoot.Combine("samples", "README.md"), TestContext.Current.CancellationToken);
        Assert.Contains($"`dotnet run --project src/Jobs -- {command}`", readme, StringComparison.Ordinal);

        // The same command, writing into a temporary folder instead of samples/.
        var args = command.Split(' ')
            .Select(a => a.StartsWith(Samples, StringComparison.Ordinal) ? Path.Combine(folder.Path, a[Samples.Length..]) : a)
            .ToArray();
        var exit = await BasculeApp.Create().RunAsync(args, TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        Assert.Equal(
            samples.Order(StringComparer.Ordinal),
            Directory.GetDirectories(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var sample in samples)
        {
            var committed = RepositoryRoot.Combine("samples", sample);
            Assert.Equal(
                IndependentExportChecks.DataFiles.Append("EXPORT.txt").Order(StringComparer.Ordinal),
                Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            foreach (var file in Directory.GetFiles(Path.Combine(folder.Path, sample)))
            {
                Assert.True(
                    File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, Path.GetFileName(file)))),
                    $"samples/{sample}/{Path.GetFileName(file)} differs from the generator's output: regenerate it with the command in "
                        + $"samples/README.md.");
            }
        }
    }

    [Theory]
    [InlineData("commune-etterbeek-2022", "COMMUNE", 2022, 3000)]
    [InlineData("commune-etterbeek-2023", "COMMUNE", 2023, 3000)]
    [InlineData("cpas-etterbeek-2023", "CPAS", 2023, 2000)]
    public void Committed_sample_passes_the_independent_checks(string sample, string entityType, int year, int lines)
    {
        var folder = RepositoryRoot.Combine("samples", sample);

        IndependentExportChecks.Verify(folder, entityType, year);
        Assert.Equal(lines, IndependentExportReader.Table(folder, "ECRITURES.csv").Count);
    }
}
