using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;
using Bascule.Extract.Values;

namespace Bascule.Extract.Tests.Reading;

public sealed class ValidExportTests
{
    private static readonly string Folder = ExportCopy.Source("valid-export");

    [Fact]
    public void Control_file_is_read_with_every_file_entry()
    {
        var export = LegacyExport.Open(Folder);

        Assert.Equal("Commune d'Etterbeek", export.Control.EntityName);
        Assert.Equal(EntityType.Commune, export.Control.EntityType);
        Assert.Equal("21005", export.Control.InsCode);
        Assert.Equal(new FiscalYear(2023), export.Control.FiscalYear);
        Assert.Equal(new DateTime(2024, 1, 15, 9, 30, 0, DateTimeKind.Unspecified), export.Control.ExportDate);
        Assert.Equal(5, export.Control.Files.Count);
        Assert.Equal(Amount.FromEuros(127456.62m), export.Control.Entry("ECRITURES.csv")!.TotalDebit);
        Assert.Null(export.Control.Entry("TIERS.csv")!.TotalDebit);
    }

    [Fact]
    public void Windows_1252_is_detected_when_the_file_is_not_utf8()
    {
        var export = LegacyExport.Open(Folder);

        Assert.Equal("windows-1252", export.Encodings[ExportFile.Ledger].Name);
    }

    [Fact]
    public async Task Ledger_lines_are_typed_with_lineage()
    {
        var export = LegacyExport.Open(Folder);

        var lines = await Collect.AcceptedAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(8, lines.Count);
        var phone = lines[2];
        Assert.Equal(new Lineage("ECRITURES.csv", 3, 4), phone.Lineage);
        Assert.Equal("ACH", phone.Journal);
        Assert.Equal("2023001", phone.DocumentNumber);
        Assert.Equal(new DateOnly(2023, 2, 15), phone.BookingDate);
        Assert.Equal("6120000", phone.Account.Value);
        Assert.Equal(new BudgetArticle("104", "123", "11"), phone.Article);
        Assert.Equal(Service.Ordinary, phone.Service);
        Assert.Equal("F0001", phone.ThirdParty);
        Assert.Equal(Amount.FromEuros(1234.56m), phone.Debit);
        Assert.Equal(Amount.Zero, phone.Credit);
    }

    [Fact]
    public async Task Quoted_field_keeps_its_semicolon_accent_escaped_quotes_and_CRLF()
    {
        var export = LegacyExport.Open(Folder);

        var lines = await Collect.AcceptedAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal("Téléphone; février", lines[2].Label);
        Assert.Equal("Facture \"Proximus\"\r\nligne 2", lines[3].Label);
    }

    [Fact]
    public async Task A_quoted_line_break_does_not_start_a_record_but_moves_the_next_line_number()
    {
        var export = LegacyExport.Open(Folder);

        var lines = await Collect.AcceptedAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(new Lineage("ECRITURES.csv", 4, 5), lines[3].Lineage);
        Assert.Equal(new Lineage("ECRITURES.csv", 5, 7), lines[4].Lineage);
    }

    [Fact]
    public async Task Negative_amounts_stay_on_their_side_in_both_notations()
    {
        var export = LegacyExport.Open(Folder);

        var lines = await Collect.AcceptedAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(Amount.FromEuros(-12.50m), lines[6].Debit);
        Assert.Equal(Amount.FromEuros(-12.50m), lines[7].Credit);
        Assert.Equal(Amount.Zero, lines[7].Debit);
    }

    [Fact]
    public async Task Ledger_summary_agrees_with_the_control_file_to_the_cent()
    {
        var export = LegacyExport.Open(Folder);

        await Collect.AllAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken));

        var summary = export.Summary(ExportFile.Ledger)!;
        Assert.True(summary.Completed);
        Assert.Equal(8, summary.Records);
        Assert.Equal(0, summary.Rejected);
        Assert.True(summary.CountAgrees);
        Assert.True(summary.TotalsAgree);
        Assert.Equal(Amount.FromEuros(127456.62m), summary.Debit);
    }

    [Fact]
    public async Task Balance_articles_third_parties_and_commitments_are_read()
    {
        var export = LegacyExport.Open(Folder);
        var ct = TestContext.Current.CancellationToken;

        var balance = await Collect.AcceptedAsync(export.ReadBalanceAsync(ct));
        var articles = await Collect.AcceptedAsync(export.ReadArticlesAsync(ct));
        var parties = await Collect.AcceptedAsync(export.ReadThirdPartiesAsync(ct));
        var commitments = await Collect.AcceptedAsync(export.ReadCommitmentsAsync(ct));

        Assert.Equal(4, balance.Count);
        Assert.Equal(Amount.FromEuros(123777.94m), balance[2].ClosingDebit);
        Assert.True(export.Summary(ExportFile.Balance)!.TotalsAgree);
        Assert.Equal(2, articles.Count);
        Assert.Equal(ArticleKind.Revenue, articles[1].Kind);
        Assert.Equal("040", articles[1].Article.Function);
        Assert.Equal(2, parties.Count);
        Assert.Equal("0202.239.951", parties[0].EnterpriseNumber!.ToString());
        Assert.Equal("BE68539007547034", parties[0].Iban!.Value);
        Assert.Equal(ThirdPartyKind.Customer, parties[1].Kind);
        Assert.Single(commitments);
        Assert.Equal(Amount.FromEuros(1222.06m), commitments[0].Charged);
        Assert.Equal(new DateOnly(2023, 1, 10), commitments[0].Date);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        var export = LegacyExport.Open(Folder);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect.AllAsync(export.ReadLedgerAsync(cancellation.Token)));
    }
}
