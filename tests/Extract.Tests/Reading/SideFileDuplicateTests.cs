using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>
/// A side file names each thing once: a second line for the same budget article, commitment number or third-party code
/// is rejected as a duplicate with the line of the first, which is kept; a different key on the next line is not.
/// </summary>
public sealed class SideFileDuplicateTests
{
    private const string ArticlesHeader = "EXERCICE;ARTICLE;LIBELLE;SERVICE;TYPE;CREDIT_INITIAL;CREDIT_AJUSTE;ENGAGE;IMPUTE";
    private const string CommitmentsHeader = "EXERCICE;ARTICLE;NUM_ENGAGEMENT;DATE_ENGAGEMENT;TIERS;LIBELLE;MONTANT_ENGAGE;MONTANT_IMPUTE";
    private const string ThirdPartiesHeader = "CODE_TIERS;NOM;NUM_ENTREPRISE;IBAN;CODE_POSTAL;LOCALITE;TYPE";

    [Fact]
    public async Task A_second_line_for_a_budget_article_is_rejected_whatever_its_figures()
    {
        using var export = new ExportCopy();
        Replace(export, "ARTICLES.csv", ArticlesHeader,
            "2023;104/123-11;Administration - téléphone;O;D;5.000,00;5.500,00;1.234,56;1.222,06",
            "2023;040/371-01;Taxe sur les immeubles bâtis;O;R;250.000,00;250.000,00;180.000,00;175.000,00",
            "2023;104/123-11;Administration - téléphone (bis);O;D;9.000,00;9.000,00;0,00;0,00",
            "2023;104/123-12;Administration - mobiles;O;D;1.000,00;1.000,00;0,00;0,00");

        var all = await Collect.AllAsync(LegacyExport.Open(export.Path).ReadArticlesAsync(TestContext.Current.CancellationToken));

        var rejected = Assert.Single(all, p => p.IsRejected).Rejected!;
        Assert.Equal(new Lineage("ARTICLES.csv", 3, 4), rejected.Lineage);
        Assert.Equal(RejectReason.DuplicateLine, rejected.Reason);
        Assert.Equal("ARTICLE", rejected.Column);
        Assert.Contains("104/123-11", rejected.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", rejected.Message, StringComparison.Ordinal);
        Assert.Equal(5_000.00m, all[0].Value!.InitialCredit.Value);
        Assert.False(all[3].IsRejected);
    }

    [Fact]
    public async Task A_repeated_commitment_number_is_rejected_and_unnumbered_commitments_only_when_the_whole_line_repeats()
    {
        using var export = new ExportCopy();
        const string unnumbered = "2023;104/123-11;;15/01/2023;F0001;Sans numéro;10,00;0,00";
        Replace(export, "ENGAGEMENTS.csv", CommitmentsHeader,
            "2023;104/123-11;E2023-0001;10/01/2023;F0001;Abonnement téléphonie 2023;1.234,56;1.222,06",
            "2023;104/123-11;E2023-0001;11/01/2023;F0001;Autre libellé;99,00;0,00",
            unnumbered,
            unnumbered.Replace("10,00", "20,00", StringComparison.Ordinal),
            unnumbered,
            "2023;104/123-11;E2023-0002;12/01/2023;F0001;Deuxième;5,00;0,00");

        var all = await Collect.AllAsync(LegacyExport.Open(export.Path).ReadCommitmentsAsync(TestContext.Current.CancellationToken));

        var rejected = all.Where(p => p.IsRejected).Select(p => p.Rejected!).ToList();
        Assert.Equal([3L, 6L], rejected.Select(r => r.Lineage.Line));
        Assert.All(rejected, r => Assert.Equal(RejectReason.DuplicateLine, r.Reason));
        Assert.Equal("NUM_ENGAGEMENT", rejected[0].Column);
        Assert.Contains("E2023-0001", rejected[0].Message, StringComparison.Ordinal);
        Assert.Null(rejected[1].Column);
        Assert.Contains("line 4", rejected[1].Message, StringComparison.Ordinal);
        Assert.Equal(4, all.Count(p => !p.IsRejected));
    }

    [Fact]
    public async Task A_repeated_third_party_code_is_rejected_without_quoting_personal_data()
    {
        using var export = new ExportCopy();
        Replace(export, "TIERS.csv", ThirdPartiesHeader,
            "F0001;Proximus SA;0202.239.951;BE68 5390 0754 7034;1030;Schaerbeek;F",
            "C0002;Dupont Jean;;BE71096123456769;1040;Etterbeek;C",
            "C0002;Dupont Marie;;BE71096123456769;1040;Etterbeek;C",
            "C0003;Dupont Jean;;BE71096123456769;1040;Etterbeek;C");

        var all = await Collect.AllAsync(LegacyExport.Open(export.Path).ReadThirdPartiesAsync(TestContext.Current.CancellationToken));

        var rejected = Assert.Single(all, p => p.IsRejected).Rejected!;
        Assert.Equal(4, rejected.Lineage.Line);
        Assert.Equal(RejectReason.DuplicateLine, rejected.Reason);
        Assert.Equal("CODE_TIERS", rejected.Column);
        Assert.Contains("C0002", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", rejected.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("BE71", rejected.Message, StringComparison.Ordinal);
        Assert.Equal("Dupont Jean", all[1].Value!.Name);
    }

    private static void Replace(ExportCopy export, string file, string header, params string[] lines)
    {
        export.Write(file, string.Join("\r\n", [header, .. lines]) + "\r\n");
        export.SetControlLine(file, $"FICHIER={file};LIGNES={lines.Length}");
    }
}
