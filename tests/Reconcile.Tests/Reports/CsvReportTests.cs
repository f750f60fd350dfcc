using System.Text;
using Bascule.Extract.Csv;
using Bascule.Reconcile.Reports;
using Bascule.Reconcile.Reports.Tables;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Reconcile.Tests.Reports;

public sealed class CsvReportTests
{
    [Fact]
    public async Task Every_table_gets_a_semicolon_csv_in_utf8_with_a_bom()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp);

        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ReportTables.Build(result, new ReportOptions()).Count, files.Csv.Count);
        var journals = files.Csv.Single(f => f.EndsWith("reconciliation-journals.csv", StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(journals, TestContext.Current.CancellationToken);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Exercice / Boekjaar;Journal / Dagboek;Débit source / Debet bron", lines[0], StringComparison.Ordinal);
        var opening = SampleFigures.Plain(SampleFigures.Of(SampleRun.Commune).Debit("OUV"));
        Assert.Contains($"2023;OUV;{opening};{opening};{opening};{opening};0,00;0,00;0,00;0,00", lines);
    }

    [Fact]
    public async Task Text_that_starts_like_a_formula_is_neutralised_and_personal_data_masked()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);

        var files = await ReportWriter.WriteAllAsync(result, temp.Combine("out"), cancellationToken: TestContext.Current.CancellationToken);

        var rejected = await File.ReadAllTextAsync(
            files.Csv.Single(f => f.EndsWith("reconciliation-rejected.csv", StringComparison.Ordinal)),
            TestContext.Current.CancellationToken);
        Assert.Contains("F9999;***;;***;***;***;F", rejected, StringComparison.Ordinal);
        Assert.Contains("IBAN BE***6769 fails mod-97", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", rejected, StringComparison.Ordinal);
        Assert.DoesNotContain("BE71096123456769", rejected, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>\"", rejected, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+32 2 123", "'+32 2 123")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("Bilan d'ouverture", "Bilan d'ouverture")]
    [InlineData("", "")]
    public void Spreadsheet_text_gets_a_leading_quote_only_when_it_starts_like_a_formula(string text, string expected) =>
        Assert.Equal(expected, SpreadsheetText.Neutralise(text));

    [Fact]
    public async Task Personal_data_is_shown_when_the_setting_enables_it()
    {
        using var temp = new TempDirectory();
        var result = await Reconciled.CommuneAsync(temp, Reconciled.AddHostileRejectsAsync);

        var files = await ReportWriter.WriteAllAsync(
            result,
            temp.Combine("out"),
            new ReportOptions(ShowPersonalData: true),
            TestContext.Current.CancellationToken);

        var rejected = await File.ReadAllTextAsync(
            files.Csv.Single(f => f.EndsWith("reconciliation-rejected.csv", StringComparison.Ordinal)),
            TestContext.Current.CancellationToken);
        Assert.Contains("F9999;Jeanne Dupont;;BE71096123456769;1040;Etterbeek;F", rejected, StringComparison.Ordinal);
    }
}
