using Bascule.Extract.Profiles;
using Bascule.Extract.Records;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>A damaged line is rejected with its lineage, column, stable reason and raw text; reading goes on.</summary>
public sealed class LineFaultTests
{
    private const string Good = "2023;OD;9;1;15/06/2023;6120000;104/123-11;O;F0001;Bon;10,00;";

    [Theory]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;O;F0001;Court;10,00", null, RejectReason.WrongColumnCount)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;O;F0001;Trop;10,00;;", null, RejectReason.WrongColumnCount)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;O;F0001;Montant;10.00;", "DEBIT", RejectReason.BadAmount)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;O;F0001;Montant;;abc", "CREDIT", RejectReason.BadAmount)]
    [InlineData("2023;OD;9;2;31/02/2023;6120000;104/123-11;O;F0001;Date;10,00;", "DATE_COMPTABLE", RejectReason.BadDate)]
    [InlineData("2023;OD;9;2;2023-06-15;6120000;104/123-11;O;F0001;Date;10,00;", "DATE_COMPTABLE", RejectReason.BadDate)]
    [InlineData("2023;OD;9;2;15/06/2023;61200;104/123-11;O;F0001;Compte;10,00;", "COMPTE_GENERAL", RejectReason.BadAccount)]
    [InlineData("2023;OD;9;2;15/06/2023;61200A0;104/123-11;O;F0001;Compte;10,00;", "COMPTE_GENERAL", RejectReason.BadAccount)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/12-11;O;F0001;Article;10,00;", "ARTICLE_BUDGETAIRE", RejectReason.BadArticle)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104-123/11;O;F0001;Article;10,00;", "ARTICLE_BUDGETAIRE", RejectReason.BadArticle)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;Z;F0001;Service;10,00;", "SERVICE", RejectReason.BadService)]
    [InlineData("2022;OD;9;2;15/06/2022;6120000;104/123-11;O;F0001;Autre exercice;10,00;", "EXERCICE", RejectReason.OtherFiscalYear)]
    [InlineData("20X3;OD;9;2;15/06/2023;6120000;104/123-11;O;F0001;Exercice;10,00;", "EXERCICE", RejectReason.BadFiscalYear)]
    [InlineData("2023;;9;2;15/06/2023;6120000;104/123-11;O;F0001;Sans journal;10,00;", "JOURNAL", RejectReason.BadValue)]
    [InlineData("2023;OD;9;2;15/06/2023;6120000;104/123-11;O;F 0001;Tiers;10,00;", "TIERS", RejectReason.BadValue)]
    public async Task Damaged_line_is_rejected_with_reason_column_and_raw_text(string damaged, string? column, RejectReason reason)
    {
        using var export = new ExportCopy();
        export.WriteLedger(
            $"{ExportCopy.LedgerHeader}\r\n{Good}\r\n{damaged}\r\n{Good.Replace(";1;", ";3;", StringComparison.Ordinal)}\r\n",
            3);

        var all = await Collect.AllAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Equal(3, all.Count);
        var rejected = Assert.Single(all, p => p.IsRejected).Rejected!;
        Assert.Equal(new Lineage("ECRITURES.csv", 2, 3), rejected.Lineage);
        Assert.Equal(reason, rejected.Reason);
        Assert.Equal(column, rejected.Column);
        Assert.Equal(damaged, rejected.RawText);
        Assert.False(all[2].IsRejected);
    }

    [Fact]
    public async Task An_exact_duplicate_of_a_ledger_line_is_rejected_but_the_first_is_kept()
    {
        using var export = new ExportCopy();
        export.WriteLedger(
            $"{ExportCopy.LedgerHeader}\r\n{Good}\r\n{Good.Replace(";1;", ";2;", StringComparison.Ordinal)}\r\n{Good}\r\n",
            3);

        var all = await Collect.AllAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.False(all[0].IsRejected);
        Assert.False(all[1].IsRejected);
        Assert.Equal(RejectReason.DuplicateLine, all[2].Rejected!.Reason);
        Assert.Equal(4, all[2].Rejected!.Lineage.Line);
        Assert.Contains("NUM_PIECE 9", all[2].Rejected!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duplicates_are_found_past_the_line_count_the_control_file_announced()
    {
        // The duplicate detector is sized from EXPORT.txt's count; a ledger longer than announced makes it grow (and
        // then fails the record count), and every line read until then is still checked against every earlier one.
        using var export = new ExportCopy();
        var lines = Enumerable.Range(1, 5000).Select(n => Good.Replace(";1;", $";{n};", StringComparison.Ordinal)).ToList();
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{string.Join("\r\n", lines)}\r\n{lines[0]}\r\n{lines[4321]}\r\n", 2);

        var all = new List<Records.Parsed<LedgerLine>>();
        var fault = await Assert.ThrowsAsync<ExportFileException>(async () =>
        {
            await foreach (var parsed in LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken))
            {
                all.Add(parsed);
            }
        });

        Assert.Contains("LIGNES=2", fault.Message, StringComparison.Ordinal);
        Assert.Equal(5002, all.Count);
        Assert.Equal([5002L, 5003L], all.Where(p => p.IsRejected).Select(p => p.Rejected!.Lineage.Line));
        Assert.All(all.Where(p => p.IsRejected), p => Assert.Equal(RejectReason.DuplicateLine, p.Rejected!.Reason));
    }

    [Fact]
    public async Task Same_document_line_with_other_content_is_not_a_duplicate()
    {
        using var export = new ExportCopy();
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{Good}\r\n{Good.Replace("10,00", "11,00", StringComparison.Ordinal)}\r\n", 2);

        var rejected = await Collect.RejectedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

        Assert.Empty(rejected);
    }

    [Fact]
    public async Task Rejected_lines_are_counted_by_reason_and_left_out_of_the_totals()
    {
        using var export = new ExportCopy();
        export.WriteLedger($"{ExportCopy.LedgerHeader}\r\n{Good}\r\n{Good}\r\n2023;OD;9;5;15/06/2023;6120000;;O;;x;1x;\r\n", 3);
        var opened = LegacyExport.Open(export.Path);

        await Collect.AllAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken));

        var summary = opened.Summary(ExportFile.Ledger)!;
        Assert.Equal(3, summary.Records);
        Assert.Equal(1, summary.Accepted);
        Assert.Equal(1, summary.RejectedByReason[RejectReason.DuplicateLine]);
        Assert.Equal(1, summary.RejectedByReason[RejectReason.BadAmount]);
        Assert.Equal(10.00m, summary.Debit.Value);
    }

    [Fact]
    public async Task Third_party_with_a_bad_iban_or_enterprise_number_is_rejected_without_quoting_personal_data()
    {
        using var export = new ExportCopy();
        export.Write("TIERS.csv",
            "CODE_TIERS;NOM;NUM_ENTREPRISE;IBAN;CODE_POSTAL;LOCALITE;TYPE\r\n" +
            "F0001;Proximus SA;0202.239.952;;1030;Schaerbeek;F\r\n" +
            "C0002;Dupont Jean;;BE71096123456768;1040;Etterbeek;C\r\n");

        var rejected = await Collect.RejectedAsync(
            LegacyExport.Open(export.Path).ReadThirdPartiesAsync(TestContext.Current.CancellationToken));

        Assert.Equal(["NUM_ENTREPRISE", "IBAN"], rejected.Select(r => r.Column));
        Assert.DoesNotContain("BE71", rejected[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Dupont", rejected[1].Message, StringComparison.Ordinal);
    }
}
