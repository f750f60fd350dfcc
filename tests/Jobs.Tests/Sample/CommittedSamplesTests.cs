using Bascule.TestSupport.Samples;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Sample;

/// <summary>The samples under samples/ are the generator's output, byte for byte, with the commands in samples/README.md.</summary>
public sealed class CommittedSamplesTests
{
    public static TheoryData<string, string, string, string> Samples => new()
    {
        { "commune-etterbeek-2023", "COMMUNE", "3000", "1" },
        { "cpas-etterbeek-2023", "CPAS", "2000", "1" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Committed_sample_is_what_the_generator_writes(string sample, string entityType, string lines, string seed)
    {
        using var folder = new TempDirectory();

        var exit = await BasculeApp.Create().RunAsync(
            ["sample", "--out", folder.Path, "--entity-type", entityType, "--year", "2023", "--lines", lines, "--seed", seed],
            TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
        var committed = RepositoryRoot.Combine("samples", sample);
        Assert.Equal(
            IndependentExportChecks.DataFiles.Append("EXPORT.txt").Order(StringComparer.Ordinal),
            Directory.GetFiles(committed).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(folder.Path))
        {
            Assert.True(
                File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, Path.GetFileName(file)))),
                $"samples/{sample}/{Path.GetFileName(file)} differs from the generator's output: regenerate it with the command in samples/README.md.");
        }
    }

    [Theory]
    [InlineData("commune-etterbeek-2023", "COMMUNE", 3000)]
    [InlineData("cpas-etterbeek-2023", "CPAS", 2000)]
    public void Committed_sample_passes_the_independent_checks(string sample, string entityType, int lines)
    {
        var folder = RepositoryRoot.Combine("samples", sample);

        IndependentExportChecks.Verify(folder, entityType, 2023);
        Assert.Equal(lines, IndependentExportReader.Table(folder, "ECRITURES.csv").Count);
    }
}
