using Bascule.Extract.Profiles;
using Bascule.Extract.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Extract.Tests.Profiles;

/// <summary>The variant delivery, read through its profile, gives exactly the records of its default-layout twin.</summary>
public sealed class VariantProfileTests
{
    private static readonly ExportProfile Variant = ExportProfile.Load(RepositoryRoot.Combine("profiles", "civadis-v7-signed.json"));

    [Fact]
    public async Task Variant_ledger_reads_to_the_same_records_as_its_twin()
    {
        var ct = TestContext.Current.CancellationToken;
        var twin = LegacyExport.Open(ExportCopy.Source("valid-export"));
        var variant = LegacyExport.Open(ExportCopy.Source("variant-export"), Variant);

        var expected = await Collect.AllAsync(twin.ReadLedgerAsync(ct));
        var actual = await Collect.AllAsync(variant.ReadLedgerAsync(ct));

        // The twin ends its lines with CRLF, the variant with LF: the quoted line break of one label stays as each file wrote it.
        // Each line's raw text is its own file's record (another layout), the same parsed line.
        Assert.Equal("Facture \"Proximus\"\nligne 2", actual[3].Value!.Label);
        Assert.Equal(
            expected.Select(p => p.Value! with { Label = p.Value.Label.Replace("\r\n", "\n", StringComparison.Ordinal), RawText = null }),
            actual.Select(p => p.Value! with { RawText = null }));
        Assert.All(actual, p => Assert.StartsWith(
            p.Value!.Year.Value + ";" + p.Value.Journal + ";",
            p.Value.RawText,
            StringComparison.Ordinal));
        Assert.Equal(8, actual.Count);
        Assert.True(variant.Summary(ExportFile.Ledger)!.TotalsAgree);
    }

    [Fact]
    public async Task Variant_other_files_read_to_the_same_records_as_their_twins()
    {
        var ct = TestContext.Current.CancellationToken;
        var twin = LegacyExport.Open(ExportCopy.Source("valid-export"));
        var variant = LegacyExport.Open(ExportCopy.Source("variant-export"), Variant);

        Assert.Equal(await Collect.AllAsync(twin.ReadBalanceAsync(ct)), await Collect.AllAsync(variant.ReadBalanceAsync(ct)));
        Assert.Equal(await Collect.AllAsync(twin.ReadArticlesAsync(ct)), await Collect.AllAsync(variant.ReadArticlesAsync(ct)));
        Assert.Equal(await Collect.AllAsync(twin.ReadThirdPartiesAsync(ct)), await Collect.AllAsync(variant.ReadThirdPartiesAsync(ct)));
        Assert.Equal(await Collect.AllAsync(twin.ReadCommitmentsAsync(ct)), await Collect.AllAsync(variant.ReadCommitmentsAsync(ct)));
    }

    [Fact]
    public async Task A_side_that_is_neither_debit_nor_credit_is_rejected()
    {
        using var export = new ExportCopy("variant-export");
        export.Write("ECRITURES.csv",
            "ANNEE;JNL;PIECE;LIGNE;DATE;COMPTE;LIBELLE;ARTICLE;SERVICE;CODE_TIERS;SENS;MONTANT;UTILISATEUR\n" +
            "2023;OD;5;1;01.06.2023;5500000;Sens inconnu;;;;X;10,00;jdupont\n",
            Bascule.Extract.Encodings.ExportEncoding.Utf8);
        var control = File.ReadAllText(export.Combine("EXPORT.txt"))
            .Replace(
                "FICHIER=ECRITURES.csv;LIGNES=8;TOTAL_DEBIT=127456,62;TOTAL_CREDIT=127456,62",
                "FICHIER=ECRITURES.csv;LIGNES=1",
                StringComparison.Ordinal);
        File.WriteAllText(export.Combine("EXPORT.txt"), control);

        var rejected = await Collect.RejectedAsync(
            LegacyExport.Open(export.Path, Variant).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(("SENS", Bascule.Extract.Records.RejectReason.BadValue), (Assert.Single(rejected).Column, rejected[0].Reason));
    }

    [Fact]
    public void Shipped_default_profile_equals_the_built_in_one()
    {
        var shipped = ExportProfile.Load(RepositoryRoot.Combine("profiles", "default.json"));

        Assert.Equal(ExportProfile.Default.Delimiter, shipped.Delimiter);
        Assert.Equal(ExportProfile.Default.Encoding, shipped.Encoding);
        Assert.Equal(ExportProfile.Default.Amounts, shipped.Amounts);
        Assert.Equal(ExportProfile.Default.DateFormat, shipped.DateFormat);
        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var (expected, actual) = (ExportProfile.Default.Layout(file), shipped.Layout(file));
            Assert.Equal(expected.FileName, actual.FileName);
            Assert.Equal(expected.HasHeader, actual.HasHeader);
            Assert.Empty(actual.Headers);
            Assert.Empty(actual.IgnoredColumns);
            Assert.Equal(expected.DebitCredit, actual.DebitCredit);
        }
    }

    [Fact]
    public async Task A_file_without_header_is_read_by_the_profile_column_order()
    {
        using var export = new ExportCopy();
        export.Write("ENGAGEMENTS.csv", "E2023-0001;104/123-11;2023;ignored;10/01/2023;F0001;Abonnement;1.234,56;1.222,06\r\n");
        using var directory = new TempDirectory();
        var profilePath = directory.Combine("headerless.json");
        File.WriteAllText(profilePath, """
            { "files": { "ENGAGEMENTS": { "hasHeader": false,
              "columnOrder": ["NUM_ENGAGEMENT", "ARTICLE", "EXERCICE", "", "DATE_ENGAGEMENT",
              "TIERS", "LIBELLE", "MONTANT_ENGAGE", "MONTANT_IMPUTE"] } } }
            """);

        var opened = LegacyExport.Open(export.Path, ExportProfile.Load(profilePath));
        var commitments = await Collect.AcceptedAsync(opened.ReadCommitmentsAsync(TestContext.Current.CancellationToken));

        var commitment = Assert.Single(commitments);
        Assert.Equal("E2023-0001", commitment.CommitmentNumber);
        Assert.Equal(1, commitment.Lineage.Line);
        Assert.Equal(1222.06m, commitment.Charged.Value);
    }

    [Theory]
    [InlineData("""{ "delimiter": ";;" }""", "delimiter")]
    [InlineData("""{ "encoding": "latin-9" }""", "encoding")]
    [InlineData("""{ "files": { "JOURNAL": {} } }""", "files.JOURNAL")]
    [InlineData("""{ "files": { "ECRITURES": { "headers": { "MONTANT": ["X"] } } } }""", "MONTANT")]
    [InlineData("""{ "delimter": ";" }""", "delimter")]
    [InlineData("""{ "files": """, "JSON")]
    public void A_bad_profile_says_which_setting_is_wrong(string json, string expected)
    {
        using var directory = new TempDirectory();
        var path = directory.Combine("bad.json");
        File.WriteAllText(path, json);

        var fault = Assert.Throws<ExportFileException>(() => ExportProfile.Load(path));

        Assert.Equal("bad.json", fault.File);
        Assert.Contains(expected, fault.Message, StringComparison.Ordinal);
    }
}
