using Bascule.Transform.Suggestions;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>How labels are reduced to words before legacy and chart labels are compared.</summary>
public sealed class LabelWordsTests
{
    [Fact]
    public void Case_accents_and_plurals_do_not_keep_words_apart()
    {
        Assert.Equal(LabelWords.Of("Rémunérations du personnel"), LabelWords.Of("REMUNERATION PERSONNELS"));
        Assert.Equal(LabelWords.Of("Bâtiments"), LabelWords.Of("batiment"));
        Assert.Equal(LabelWords.Of("Aides sociales"), LabelWords.Of("aide social"));
    }

    [Fact]
    public void Numbers_short_words_and_common_words_drop_out()
    {
        var words = LabelWords.Of("Facture 2023-00106 - dossier \"2023-00107\" pour les écoles de la commune");
        Assert.Equal(["commun", "dossier", "ecol", "factur"], words.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Split_keeps_each_word_as_written_for_people()
    {
        var (stem, word) = Assert.Single(LabelWords.Split("Écoles"));
        Assert.Equal(("ecol", "écoles"), (stem, word));
    }
}
