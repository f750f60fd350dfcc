using Bascule.Extract.Values;
using Bascule.Sample.Catalog;
using Bascule.Sample.Tests.History;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;

namespace Bascule.Sample.Tests;

/// <summary>Consecutive generated years form one history, each year still a valid export on its own.</summary>
public sealed class SampleHistoryTests
{
    [Theory]
    [InlineData(EntityType.Commune, 1UL, 2022, 2)]
    [InlineData(EntityType.Cpas, 4UL, 2021, 3)]
    [InlineData(EntityType.Commune, 7UL, 2019, 3)]
    public async Task Each_year_opens_with_the_previous_closing_and_the_result_carried_forward(
        EntityType type,
        ulong seed,
        int first,
        int count)
    {
        using var folder = new TempDirectory();
        var years = Write(folder.Path, type, 2_500, seed, first, count);

        for (var i = 1; i < years.Count; i++)
        {
            await Continuity.VerifyAsync(years[i - 1].Options.Out, years[i].Options.Out);
        }
    }

    [Fact]
    public async Task Committed_commune_samples_are_one_history()
    {
        await Continuity.VerifyAsync(
            RepositoryRoot.Combine("samples", "commune-etterbeek-2022"),
            RepositoryRoot.Combine("samples", "commune-etterbeek-2023"));
    }

    [Theory]
    [InlineData(EntityType.Commune, 1UL, 2_500)]
    [InlineData(EntityType.Cpas, 2UL, 1_800)]
    public void Every_year_of_a_history_passes_the_independent_checks(EntityType type, ulong seed, int lines)
    {
        using var folder = new TempDirectory();
        var years = Write(folder.Path, type, lines, seed, 2022, 3);

        Assert.Equal([2022, 2023, 2024], years.Select(y => y.Options.Year.Value));
        foreach (var year in years)
        {
            IndependentExportChecks.Verify(year.Options.Out, type.ToCode(), year.Options.Year.Value);
            Assert.Equal(lines, IndependentExportReader.Table(year.Options.Out, "ECRITURES.csv").Count);
        }
    }

    [Theory]
    [InlineData(EntityType.Commune)]
    [InlineData(EntityType.Cpas)]
    public async Task A_history_at_its_minimum_line_count_keeps_exact_counts_and_continuity(EntityType type)
    {
        using var folder = new TempDirectory();
        var lines = SampleHistory.MinimumLines(type);
        var years = Write(folder.Path, type, lines, 5, 2022, 3);

        foreach (var year in years)
        {
            IndependentExportChecks.Verify(year.Options.Out, type.ToCode(), year.Options.Year.Value);
            Assert.Equal(lines, IndependentExportReader.Table(year.Options.Out, "ECRITURES.csv").Count);
        }

        await Continuity.VerifyAsync(years[0].Options.Out, years[1].Options.Out);
        await Continuity.VerifyAsync(years[1].Options.Out, years[2].Options.Out);
    }

    [Fact]
    public void Same_seed_writes_a_byte_identical_history()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        Write(first.Path, EntityType.Commune, 1_500, 9, 2022, 3);
        Write(second.Path, EntityType.Commune, 1_500, 9, 2022, 3);

        foreach (var year in new[] { "2022", "2023", "2024" })
        {
            foreach (var file in IndependentExportChecks.DataFiles.Append("EXPORT.txt"))
            {
                Assert.Equal(File.ReadAllBytes(first.Combine(year, file)), File.ReadAllBytes(second.Combine(year, file)));
            }
        }
    }

    [Fact]
    public void The_first_year_of_a_history_is_the_single_year_export()
    {
        using var history = new TempDirectory();
        using var single = new TempDirectory();
        Write(history.Path, EntityType.Cpas, 1_200, 3, 2022, 2);
        SampleGenerator.Generate(Options(single.Path, EntityType.Cpas, 1_200, 3, 2022));

        foreach (var file in IndependentExportChecks.DataFiles.Append("EXPORT.txt"))
        {
            Assert.Equal(File.ReadAllBytes(single.Combine(file)), File.ReadAllBytes(history.Combine("2022", file)));
        }
    }

    [Fact]
    public void The_following_year_opens_differently_from_a_single_year_export()
    {
        using var history = new TempDirectory();
        using var single = new TempDirectory();
        Write(history.Path, EntityType.Commune, 1_200, 3, 2022, 2);
        SampleGenerator.Generate(Options(single.Path, EntityType.Commune, 1_200, 3, 2023));

        Assert.NotEqual(File.ReadAllBytes(single.Combine("ECRITURES.csv")), File.ReadAllBytes(history.Combine("2023", "ECRITURES.csv")));
    }

    [Fact]
    public void The_bank_journal_settles_open_items_of_the_previous_year()
    {
        using var folder = new TempDirectory();
        Write(folder.Path, EntityType.Commune, 3_000, 1, 2022, 2);
        var ledger = IndependentExportReader.Table(folder.Combine("2023"), "ECRITURES.csv");

        // References are numbered per year (2022-00042): a 2023 payment or collection naming 2022 settles a 2022 item.
        Assert.Contains(ledger, l => l["JOURNAL"] == "FIN" && l["LIBELLE"].StartsWith("Paiement facture 2022-", StringComparison.Ordinal));
        Assert.Contains(ledger, l => l["JOURNAL"] == "FIN" && l["LIBELLE"].StartsWith("Encaissement rôle 2022-", StringComparison.Ordinal));
    }

    [Fact]
    public void Result_is_carried_onto_a_class_1_account_of_the_catalogue()
    {
        foreach (var type in new[] { EntityType.Commune, EntityType.Cpas })
        {
            var account = Assert.Single(LegacyCatalog.Accounts(type), a => a.Code == LegacyCatalog.ResultCarriedForward);
            Assert.Equal(1, account.Class);
        }
    }

    [Theory]
    [InlineData("samples/commune-{year}", 2022, "samples/commune-2022")]
    [InlineData("out/{year}/commune-{year}", 2023, "out/2023/commune-2023")]
    public void Year_placeholder_names_each_folder(string pattern, int year, string expected)
    {
        Assert.Equal(expected, SampleHistory.FolderFor(pattern, new FiscalYear(year)));
    }

    [Fact]
    public void Without_a_placeholder_each_year_goes_into_its_own_subfolder()
    {
        Assert.Equal(Path.Combine("out", "history", "2024"), SampleHistory.FolderFor(Path.Combine("out", "history"), new FiscalYear(2024)));
    }

    [Fact]
    public void A_year_cannot_follow_a_year_that_is_not_the_one_before()
    {
        using var folder = new TempDirectory();
        var first = SampleGenerator.Generate(Options(folder.Combine("2022"), EntityType.Commune, 500, 1, 2022), previous: null);

        Assert.Throws<ArgumentException>(
            () => SampleGenerator.Generate(Options(folder.Combine("2024"), EntityType.Commune, 500, 1, 2024), first.Closing));
    }

    private static List<GeneratedYear> Write(string folder, EntityType type, long lines, ulong seed, int first, int count) =>
        [.. SampleHistory.Write(
            SampleHistory.Plan(Options(folder, type, lines, seed, first), new FiscalYear(first), new FiscalYear(first + count - 1)))];

    private static SampleOptions Options(string folder, EntityType type, long lines, ulong seed, int year) =>
        new(folder, type, new FiscalYear(year), lines, seed, SampleOptions.DefaultEntityName(type), SampleOptions.EtterbeekIns);
}
