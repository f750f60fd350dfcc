using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>
/// The spec on quoting: RFC 4180 double quotes; a quoted field may hold <c>;</c>, <c>""</c> and line breaks, and what
/// stands between the quotes is kept exactly (a CRLF stays CRLF, spaces at either end stay). An unquoted field loses the
/// spaces around it, as it always has. Every file is written with CRLF line ends, as the legacy software writes them.
/// </summary>
public sealed class QuotedFieldTests
{
    private const string Second = "2023;OUV;1;2;01/01/2023;1000000;;;;Fonds propres;;100,00";

    [Theory]
    [InlineData("\"Facture\r\nligne 2\"", "Facture\r\nligne 2")]
    [InlineData("\"Facture\nligne 2\"", "Facture\nligne 2")]
    [InlineData("\"Facture\rligne 2\"", "Facture\rligne 2")]
    [InlineData("\"  Banque  \"", "  Banque  ")]
    [InlineData("\"\r\n\"", "\r\n")]
    [InlineData("\" a;b \"\"c\"\" \"", " a;b \"c\" ")]
    [InlineData("\"\"\"\"", "\"")]
    [InlineData("\"\"", "")]
    [InlineData("  Banque  ", "Banque")]
    [InlineData("  \" Banque \"  ", " Banque ")]
    public async Task A_ledger_label_keeps_exactly_what_stands_between_its_quotes(string field, string label)
    {
        using var export = new ExportCopy();
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{First(field)}\r\n{Second}\r\n", 2);

        var lines = await Collect.AcceptedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, lines.Count);
        Assert.Equal(label, lines[0].Label);
        Assert.Equal("Fonds propres", lines[1].Label);
    }

    [Fact]
    public async Task Quoted_journal_document_and_line_number_keep_their_spaces_and_unquoted_ones_lose_them()
    {
        using var export = new ExportCopy();
        const string quoted = "2023;\" OUV \";\"1 \";\" 1\";01/01/2023;5500000;;;;Banque;100,00;";
        const string spaced = "2023; OUV ;1 ; 2;01/01/2023;1000000;;;;Fonds propres;;100,00";
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{quoted}\r\n{spaced}\r\n", 2);

        var lines = await Collect.AcceptedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal((" OUV ", "1 ", " 1"), (lines[0].Journal, lines[0].DocumentNumber, lines[0].LineNumber));
        Assert.Equal(("OUV", "1", "2"), (lines[1].Journal, lines[1].DocumentNumber, lines[1].LineNumber));
    }

    [Fact]
    public async Task A_quoted_journal_of_spaces_only_is_rejected_as_empty()
    {
        using var export = new ExportCopy();
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n2023;\"  \";1;1;01/01/2023;5500000;;;;Banque;100,00;\r\n{Second}\r\n", 2);

        var rejected = await Collect.RejectedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal((RejectReason.BadValue, "JOURNAL"), (Assert.Single(rejected).Reason, rejected[0].Column));
    }

    [Fact]
    public async Task The_raw_text_of_an_accepted_line_is_its_record_as_it_stands_quotes_spaces_and_CRLF_included()
    {
        using var export = new ExportCopy();
        // Windows-1252 on disk: the € (0x80) and é (0xE9) come back decoded, everything else character for character.
        const string quoted = "2023; OUV ;1;1;01/01/2023;5500000;;;;\" Facture €\r\n\"\"Hôtel\"\" é \";100,00;";
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{quoted}\r\n{Second}\n", 2);

        var lines = await Collect.AcceptedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal([quoted, Second], lines.Select(l => l.RawText));
        Assert.Equal(" Facture €\r\n\"Hôtel\" é ", lines[0].Label);
    }

    [Fact]
    public async Task The_raw_text_of_a_rejected_line_keeps_its_quotes_spaces_and_CRLF()
    {
        using var export = new ExportCopy();
        const string damaged = "2023;OUV;1;1;01/01/2023;5500000;;;;\" Facture\r\n\"\"X\"\" \";abc;";
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{damaged}\r\n{Second}\r\n", 2);

        var rejected = await Collect.RejectedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        var line = Assert.Single(rejected);
        Assert.Equal(RejectReason.BadAmount, line.Reason);
        Assert.Equal(damaged, line.RawText);
        Assert.Equal(new Lineage("ECRITURES.csv", 1, 2), line.Lineage);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void The_record_count_counts_a_quoted_line_break_inside_its_record(string eol)
    {
        using var export = new ExportCopy();
        export.WriteLedger($"{ExportCopy.LedgerHeader}{eol}{First($"\"Facture{eol}ligne 2{eol}ligne 3\"")}{eol}{Second}{eol}", 2);

        Assert.Null(Record.Exception(() => LegacyExport.Open(export.Path).VerifyRecordCounts(TestContext.Current.CancellationToken)));

        export.SetControlLine("ECRITURES.csv", "FICHIER=ECRITURES.csv;LIGNES=4");
        var fault = Assert.Throws<ExportFileException>(
            () => LegacyExport.Open(export.Path).VerifyRecordCounts(TestContext.Current.CancellationToken));
        Assert.Contains("holds 2 records", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_third_party_keeps_its_quoted_name_postal_code_and_locality_exactly()
    {
        using var export = new ExportCopy();
        Replace(export, "TIERS.csv", "CODE_TIERS;NOM;NUM_ENTREPRISE;IBAN;CODE_POSTAL;LOCALITE;TYPE",
            "F0001;\" Proximus\r\nSA \";0202.239.951;BE68 5390 0754 7034;\"1030 \";\" Schaerbeek\";F",
            "C0002; Dupont Jean ;;BE71096123456769; 1040 ; Etterbeek ;C");

        var parties = await Collect.AcceptedAsync(
            LegacyExport.Open(export.Path).ReadThirdPartiesAsync(TestContext.Current.CancellationToken));

        Assert.Equal((" Proximus\r\nSA ", "1030 ", " Schaerbeek"), (parties[0].Name, parties[0].PostalCode, parties[0].Locality));
        Assert.Equal(("Dupont Jean", "1040", "Etterbeek"), (parties[1].Name, parties[1].PostalCode, parties[1].Locality));
    }

    [Fact]
    public async Task Balance_article_and_commitment_labels_keep_their_quoted_content_exactly()
    {
        using var export = new ExportCopy();
        Replace(export, "BALANCE.csv",
            "EXERCICE;COMPTE_GENERAL;LIBELLE;OUVERTURE_DEBIT;OUVERTURE_CREDIT;"
            + "MOUVEMENTS_DEBIT;MOUVEMENTS_CREDIT;CLOTURE_DEBIT;CLOTURE_CREDIT",
            "2023;1000000;\" Fonds\r\npropres \";;125.000,00;;;;125.000,00");
        Replace(export, "ARTICLES.csv", "EXERCICE;ARTICLE;LIBELLE;SERVICE;TYPE;CREDIT_INITIAL;CREDIT_AJUSTE;ENGAGE;IMPUTE",
            "2023;104/123-11;\"Administration -\r\n téléphone \";O;D;5.000,00;5.500,00;1.234,56;1.222,06");
        Replace(export, "ENGAGEMENTS.csv", "EXERCICE;ARTICLE;NUM_ENGAGEMENT;DATE_ENGAGEMENT;TIERS;LIBELLE;MONTANT_ENGAGE;MONTANT_IMPUTE",
            "2023;104/123-11;E2023-0001;10/01/2023;F0001;\"  Abonnement \"\"2023\"\"\r\n\";1.234,56;1.222,06");
        var opened = LegacyExport.Open(export.Path);
        var ct = TestContext.Current.CancellationToken;

        var balance = Assert.Single(await Collect.AcceptedAsync(opened.ReadBalanceAsync(ct)));
        var article = Assert.Single(await Collect.AcceptedAsync(opened.ReadArticlesAsync(ct)));
        var commitment = Assert.Single(await Collect.AcceptedAsync(opened.ReadCommitmentsAsync(ct)));

        Assert.Equal(" Fonds\r\npropres ", balance.Label);
        Assert.Equal("Administration -\r\n téléphone ", article.Label);
        Assert.Equal("  Abonnement \"2023\"\r\n", commitment.Label);
        Assert.All(Enum.GetValues<ExportFile>().Where(f => f != ExportFile.Ledger && f != ExportFile.ThirdParties),
            file => Assert.True(opened.Summary(file)!.CountAgrees));
    }

    private static string First(string label) => $"2023;OUV;1;1;01/01/2023;5500000;;;;{label};100,00;";

    private static void Replace(ExportCopy export, string file, string header, params string[] lines)
    {
        export.Write(file, string.Join("\r\n", [header, .. lines]) + "\r\n");
        export.SetControlLine(file, $"FICHIER={file};LIGNES={lines.Length}");
    }
}
