using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>
/// The spec: a ledger of which more than half the lines carry another fiscal year than <c>EXPORT.txt</c> is a wrong
/// delivery, refused naming the years found. Up to half, the lines of another year are rejected one by one.
/// </summary>
public sealed class WrongYearLedgerTests
{
    [Fact]
    public void A_ledger_mostly_of_another_year_is_refused_by_the_counting_pass_naming_the_years_found()
    {
        using var export = Ledger(Years(2022, 5).Concat(Years(2023, 3)));

        var fault = Assert.Throws<ExportFileException>(
            () => LegacyExport.Open(export.Path).VerifyRecordCounts(TestContext.Current.CancellationToken));

        Assert.Equal(("ECRITURES.csv", null, "EXERCICE"), (fault.File, fault.Line, fault.Column));
        Assert.Equal(
            "ECRITURES.csv, column EXERCICE: 5 of its 8 records carry another fiscal year than the 2023 that EXPORT.txt announces " +
            "(years found: 2022 on 5 lines, 2023 on 3 lines). This is not the ledger of 2023: deliver the export of 2023, " +
            "or, if the export really is of another year, fix EXERCICE in EXPORT.txt.",
            fault.Message);
    }

    [Fact]
    public async Task Up_to_half_the_lines_of_another_year_are_rejected_one_by_one()
    {
        using var export = Ledger(Years(2022, 4).Concat(Years(2023, 4)));
        var opened = LegacyExport.Open(export.Path);

        Assert.Null(Record.Exception(() => opened.VerifyRecordCounts(TestContext.Current.CancellationToken)));
        var rejected = await Collect.RejectedAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(4, rejected.Count);
        Assert.All(rejected, r => Assert.Equal((RejectReason.OtherFiscalYear, "EXERCICE"), (r.Reason, r.Column)));
        Assert.True(opened.Summary(ExportFile.Ledger)!.Completed);
    }

    [Fact]
    public async Task A_full_read_reaches_the_same_verdict_at_the_end_of_the_ledger()
    {
        using var export = Ledger(Years(2022, 5).Concat(Years(2023, 3)));
        var opened = LegacyExport.Open(export.Path);

        var fault = await Assert.ThrowsAsync<ExportFileException>(
            () => Collect.AllAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken)));

        Assert.Contains("5 of its 8 records carry another fiscal year", fault.Message, StringComparison.Ordinal);
        Assert.False(opened.Summary(ExportFile.Ledger)!.Completed);
    }

    [Fact]
    public void Every_year_found_is_named_with_its_count_and_lines_without_a_readable_year_apart()
    {
        var lines = Years(2021, 2).Concat(Years(2022, 1)).Concat(Years(2023, 1)).ToList();
        lines.Add(Line("\"2022\"", 90));
        lines.Add(Line("20X3", 91));
        using var export = Ledger(lines);

        var fault = Assert.Throws<ExportFileException>(
            () => LegacyExport.Open(export.Path).VerifyRecordCounts(TestContext.Current.CancellationToken));

        Assert.Contains("4 of its 6 records", fault.Message, StringComparison.Ordinal);
        Assert.Contains(
            "(years found: 2021 on 2 lines, 2022 on 2 lines, 2023 on 1 line, no readable year on 1 line)",
            fault.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_wrong_year_is_reported_rather_than_the_record_count_it_also_gets_wrong()
    {
        using var export = Ledger(Years(2022, 3), announced: 8);

        var fault = Assert.Throws<ExportFileException>(
            () => LegacyExport.Open(export.Path).VerifyRecordCounts(TestContext.Current.CancellationToken));

        Assert.Contains("3 of its 3 records carry another fiscal year", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_side_file_of_another_year_is_not_refused_its_lines_are_rejected()
    {
        using var export = new ExportCopy();
        export.Write("ENGAGEMENTS.csv", "EXERCICE;ARTICLE;NUM_ENGAGEMENT;DATE_ENGAGEMENT;TIERS;LIBELLE;MONTANT_ENGAGE;MONTANT_IMPUTE\r\n" +
            "2022;104/123-11;E2022-0001;10/01/2022;F0001;Abonnement;1.234,56;1.222,06\r\n");
        var opened = LegacyExport.Open(export.Path);

        Assert.Null(Record.Exception(() => opened.VerifyRecordCounts(TestContext.Current.CancellationToken)));
        var rejected = Assert.Single(await Collect.RejectedAsync(opened.ReadCommitmentsAsync(TestContext.Current.CancellationToken)));
        Assert.Equal(RejectReason.OtherFiscalYear, rejected.Reason);
    }

    private static ExportCopy Ledger(IEnumerable<string> lines, long? announced = null)
    {
        var list = lines.ToList();
        var export = new ExportCopy();
        export.WriteLedger(string.Join("\r\n", [ExportCopy.LedgerHeader, .. list]) + "\r\n", announced ?? list.Count);
        return export;
    }

    private static IEnumerable<string> Years(int year, int count) =>
        Enumerable.Range(0, count).Select(i => Line(year.ToString(System.Globalization.CultureInfo.InvariantCulture), (year * 100) + i));

    // Each line its own number: no line is a duplicate of another.
    private static string Line(string year, int number)
        => $"{year};OD;9;{number};15/06/2023;6120000;104/123-11;O;F0001;Ligne {number};10,00;";
}
