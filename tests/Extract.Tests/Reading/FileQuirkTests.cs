using System.Text;
using Bascule.Extract.Encodings;
using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>Every formatting quirk the spec allows reads to the same records.</summary>
public sealed class FileQuirkTests
{
    private const string Line1 = "2023;OUV;1;1;01/01/2023;5500000;;;;Banque;100,00;";
    private const string Line2 = "2023;OUV;1;2;01/01/2023;1000000;;;;Fonds propres;;100,00";

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task CRLF_and_LF_line_ends_read_alike(string eol)
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + eol + Line1 + eol + Line2 + eol, 2);

        var lines = await ReadAsync(export);

        Assert.Equal(2, lines.Count);
        Assert.Equal("Fonds propres", lines[1].Label);
        Assert.Equal(3, lines[1].Lineage.Line);
    }

    [Fact]
    public async Task A_missing_final_line_end_loses_nothing()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n" + Line2, 2);

        var lines = await ReadAsync(export);

        Assert.Equal(2, lines.Count);
        Assert.Equal(100.00m, lines[1].Credit.Value);
    }

    [Fact]
    public async Task Blank_lines_are_ignored_and_line_numbers_stay_physical()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n\r\n" + Line1 + "\r\n   \r\n\r\n" + Line2 + "\r\n\r\n", 2);

        var lines = await ReadAsync(export);

        Assert.Equal(2, lines.Count);
        Assert.Equal(new Lineage("ECRITURES.csv", 1, 3), lines[0].Lineage);
        Assert.Equal(new Lineage("ECRITURES.csv", 2, 6), lines[1].Lineage);
    }

    [Fact]
    public async Task Header_names_are_case_insensitive_and_spaces_around_them_ignored()
    {
        using var export = new ExportCopy();
        var header = " exercice ;Journal; num_piece ;Num_Ligne;date_comptable;Compte_General ; "
            + "article_budgetaire;service;tiers;Libelle;debit ; Credit";
        export.WriteLedger(header + "\r\n" + Line1 + "\r\n", 1);

        var lines = await ReadAsync(export);

        Assert.Equal(100.00m, Assert.Single(lines).Debit.Value);
    }

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_is_detected()
    {
        using var export = new ExportCopy();
        var text = ExportCopy.LedgerHeader + "\r\n" + Line1.Replace("Banque", "Crédit Éè", StringComparison.Ordinal) + "\r\n";
        export.WriteLedger(text, 1, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        export.WriteBytes("ECRITURES.csv", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);

        var opened = LegacyExport.Open(export.Path);
        var lines = await Collect.AcceptedAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal("utf-8 (BOM)", opened.Encodings[ExportFile.Ledger].Name);
        Assert.Equal("Crédit Éè", Assert.Single(lines).Label);
        Assert.Equal(2, lines[0].Lineage.Line);
    }

    [Fact]
    public async Task Utf8_without_a_byte_order_mark_is_detected_from_its_bytes()
    {
        using var export = new ExportCopy();
        var text = ExportCopy.LedgerHeader + "\n" + Line1.Replace("Banque", "Crédit", StringComparison.Ordinal) + "\n";
        export.WriteLedger(text, 1, ExportEncoding.Utf8);

        var opened = LegacyExport.Open(export.Path);
        var lines = await Collect.AcceptedAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal("utf-8", opened.Encodings[ExportFile.Ledger].Name);
        Assert.Equal("Crédit", Assert.Single(lines).Label);
    }

    [Fact]
    public async Task A_quoted_field_may_hold_the_delimiter_quotes_and_line_breaks()
    {
        using var export = new ExportCopy();
        var quoted = "2023;OUV;1;1;01/01/2023;5500000;;;;\"a;b \"\"c\"\"\nd\";100,00;";
        export.WriteLedger(ExportCopy.LedgerHeader + "\n" + quoted + "\n" + Line2 + "\n", 2);

        var lines = await ReadAsync(export);

        Assert.Equal("a;b \"c\"\nd", lines[0].Label);
        Assert.Equal(4, lines[1].Lineage.Line);
    }

    private static async Task<List<LedgerLine>> ReadAsync(ExportCopy export) =>
        await Collect.AcceptedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));
}
