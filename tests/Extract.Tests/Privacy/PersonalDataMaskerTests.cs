using Bascule.Extract.Privacy;

namespace Bascule.Extract.Tests.Privacy;

/// <summary>The matching rules of the masker, one rule per test, on names written the way TIERS.csv writes them.</summary>
public sealed class PersonalDataMaskerTests
{
    private static readonly PersonalDataMasker Masker = PersonalDataMasker.Create(
        ["NOËL Marie", "DE SMET Joël", "Rose", "DUPONT Jean"],
        ["BE74363386900607"]);

    [Theory]
    [InlineData("Aide NOËL Marie - mars", "Aide *** - mars")]
    [InlineData("Aide noël marie", "Aide ***")]
    [InlineData("AIDE NOEL MARIE", "AIDE ***")]
    [InlineData("Aide Noel Marie", "Aide ***")]
    public void A_name_is_masked_whatever_its_case_and_accents(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("Remboursement Marie Noël", "Remboursement ***")]
    [InlineData("Remboursement jean DUPONT.", "Remboursement ***.")]
    [InlineData("Remboursement Dupont, Jean", "Remboursement ***")]
    public void A_two_word_name_is_masked_in_either_order(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("Aide De Smet Joel", "Aide ***")]
    [InlineData("Aide Joël DE SMET", "Aide ***")]
    public void A_longer_name_is_masked_with_the_surname_in_capitals_first_or_last(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("Entretien de la Roseraie")]
    [InlineData("Rosette et roses")]
    [InlineData("Aide Marie")]
    [InlineData("Aide Noël")]
    [InlineData("Smet Joël De")]
    [InlineData("Jean Dupontel")]
    public void Part_of_a_name_or_a_word_that_only_starts_like_one_is_not_masked(string text) =>
        Assert.Same(text, Masker.Mask(text));

    [Fact]
    public void A_one_word_name_is_masked_as_a_whole_word() =>
        Assert.Equal("Bouquet *** pour la Roseraie", Masker.Mask("Bouquet Rose pour la Roseraie"));

    [Fact]
    public void Every_occurrence_is_masked_and_the_text_around_it_kept() =>
        Assert.Equal("*** et *** (Jean)", Masker.Mask("Jean Dupont et noël MARIE (Jean)"));

    [Theory]
    [InlineData("Virement BE74363386900607", "Virement ***")]
    [InlineData("Virement BE74 3633 8690 0607.", "Virement ***.")]
    [InlineData("virement be74 3633 8690 0607 le 3/5", "virement *** le 3/5")]
    [InlineData("IBAN:Be7436338690 0607;", "IBAN:***;")]
    public void A_known_iban_is_masked_with_or_without_spaces_in_any_case(string text, string expected) =>
        Assert.Equal(expected, Masker.Mask(text));

    [Theory]
    [InlineData("XBE74363386900607")]
    [InlineData("BE743633869006071")]
    [InlineData("BE71096123456769")]
    public void An_iban_glued_to_other_characters_or_unknown_is_left_to_the_reports(string text) =>
        Assert.Same(text, Masker.Mask(text));

    [Fact]
    public void A_name_beside_its_iban_is_masked_with_it() =>
        Assert.Equal("2023;OD;1;1;Aide *** ***;12,3x;", Masker.Mask("2023;OD;1;1;Aide noel MARIE be74 3633 8690 0607;12,3x;"));

    [Fact]
    public void The_empty_masker_changes_nothing()
    {
        const string text = "Aide NOËL Marie BE74363386900607";

        Assert.Same(text, PersonalDataMasker.Empty.Mask(text));
    }

    [Fact]
    public void Names_are_found_among_a_hundred_thousand()
    {
        var names = Enumerable.Range(0, 100_000).Select(i => $"NOM{i} Prénom{i % 977}").ToList();
        var masker = PersonalDataMasker.Create(names, []);

        Assert.Equal("Aide *** et ***, pas NOM12 Prénom13", masker.Mask("Aide Prénom345 NOM99999 et nom4 prenom4, pas NOM12 Prénom13"));
        Assert.Equal(200_000, masker.NameForms);
    }
}
