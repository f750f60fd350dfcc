using Bascule.Extract.Values;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;
using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>What the committed commune sample tells about its combinations, read with the real Extract stage.</summary>
public sealed class ExportEvidenceTests
{
    private static readonly CombinationKey SchoolSupplies = new("6110000", BudgetArticle.Parse("722/124-02"));

    [Fact]
    public async Task Each_combination_has_its_line_count()
    {
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);
        Assert.Equal(
            sample.Lines.Count(l => l.Account.Value == "6110000" && l.Article == SchoolSupplies.Article),
            sample.Evidence.Lines[SchoolSupplies]);
        // Counted again in the file itself, with the independent reader, so that the figure follows the sample.
        var inFile = IndependentExportReader.Table(RepositoryRoot.Combine("samples", SampleExports.Commune), "ECRITURES.csv")
            .Count(l => l["COMPTE_GENERAL"] == "6110000" && l["ARTICLE_BUDGETAIRE"] == "722/124-02");
        Assert.True(inFile > 0, "the commune sample no longer books school supplies: pick a combination it has");
        Assert.Equal(inFile, sample.Evidence.Lines[SchoolSupplies]);
        Assert.Equal(sample.Lines.Count, sample.Evidence.Lines.Values.Sum());
    }

    [Fact]
    public async Task Account_article_and_recurring_ledger_words_are_kept_apart()
    {
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);

        var labels = sample.Evidence.AccountLabels(SchoolSupplies);

        Assert.Equal(["account label", "article label", "ledger labels"], labels.Select(l => l.Source));
        Assert.Equal("Fournitures et petit matériel", labels[0].Text);
        Assert.Equal("Fournitures scolaires", labels[1].Text);
        // Every line reads "Fournitures scolaires - facture 2023-00106": the invoice numbers vary, the words recur.
        Assert.Equal("facture fournitures scolaires", labels[2].Text);
    }

    [Fact]
    public async Task Economic_labels_leave_out_the_account_label()
    {
        var sample = await SampleEvidence.ReadAsync(SampleExports.Commune);
        Assert.DoesNotContain(sample.Evidence.EconomicLabels(SchoolSupplies), l => l.Source == "account label");
        Assert.Contains(sample.Evidence.AccountLabels(SchoolSupplies), l => l.Source == "account label");
    }
}
