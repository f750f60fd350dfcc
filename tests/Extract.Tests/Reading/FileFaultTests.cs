using System.Runtime.InteropServices;
using Bascule.Extract.Profiles;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>A file-level fault makes the export unusable: a clear exception naming file and line, and what to do.</summary>
public sealed class FileFaultTests
{
    private const string Line1 = "2023;OUV;1;1;01/01/2023;5500000;;;;Banque;100,00;";

    [Fact]
    public void A_data_file_missing_from_the_folder_is_named()
    {
        using var export = new ExportCopy();
        File.Delete(export.Combine("ENGAGEMENTS.csv"));

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal("ENGAGEMENTS.csv", fault.File);
        Assert.Contains("missing", fault.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TIERS.csv")]
    [InlineData("EXPORT.txt")]
    public async Task A_named_pipe_in_place_of_a_file_is_refused_without_waiting_for_a_writer(string name)
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Skip("Named pipes are made here with Linux's mkfifo.");
        }

        using var export = new ExportCopy();
        File.Delete(export.Combine(name));
        Assert.Equal(0, MakeFifo(export.Combine(name), Convert.ToUInt32("644", 8)));

        // Opening the pipe to read would block until a writer came: the test gives up rather than hang.
        var opening = Task.Run(() => LegacyExport.Open(export.Path), TestContext.Current.CancellationToken);
        var fault = await Assert.ThrowsAsync<ExportFileException>(
            () => opening.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));

        Assert.Equal(name, fault.File);
        Assert.Contains("not a regular file", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_data_file_is_refused_as_empty()
    {
        using var export = new ExportCopy();
        File.WriteAllBytes(export.Combine("TIERS.csv"), []);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal("TIERS.csv", fault.File);
        Assert.Contains("the file is empty", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_control_file_stops_the_opening()
    {
        using var export = new ExportCopy();
        File.Delete(export.Combine("EXPORT.txt"));

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal("EXPORT.txt", fault.File);
    }

    [Theory]
    [InlineData("EXERCICE=23", 5)]
    [InlineData("TYPE_ENTITE=ASBL", 3)]
    [InlineData("NONSENSE", 3)]
    public void A_bad_control_line_is_named_by_its_line(string replacement, int line)
    {
        using var export = new ExportCopy();
        var lines = File.ReadAllLines(export.Combine("EXPORT.txt"));
        lines[line - 1] = replacement;
        File.WriteAllLines(export.Combine("EXPORT.txt"), lines);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal("EXPORT.txt", fault.File);
        Assert.Equal(line, fault.Line);
    }

    [Fact]
    public void A_file_the_control_file_does_not_list_cannot_be_checked()
    {
        using var export = new ExportCopy();
        var lines = File.ReadAllLines(export.Combine("EXPORT.txt")).Where(l => !l.Contains("TIERS.csv", StringComparison.Ordinal));
        File.WriteAllLines(export.Combine("EXPORT.txt"), lines);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Contains("FICHIER=TIERS.csv", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_header_column_names_the_column_and_the_header_line()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader.Replace("NUM_LIGNE", "NO_LIGNE", StringComparison.Ordinal) + "\r\n" + Line1 + "\r\n", 1);

        var fault = await Assert.ThrowsAsync<ExportFileException>(() => ReadLedgerAsync(export));

        Assert.Equal("NUM_LIGNE", fault.Column);
        Assert.Equal(1, fault.Line);
        Assert.Contains("export profile", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_extra_column_is_a_fault_unless_the_profile_ignores_it()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + ";REMARQUE\r\n" + Line1 + ";vu\r\n", 1);

        var fault = await Assert.ThrowsAsync<ExportFileException>(() => ReadLedgerAsync(export));

        Assert.Equal("REMARQUE", fault.Column);
        Assert.Contains("ignoredColumns", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_count_below_the_control_file_fails_after_the_last_record()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n", 2);
        var opened = LegacyExport.Open(export.Path);
        var seen = 0;

        var fault = await Assert.ThrowsAsync<ExportFileException>(async () =>
        {
            await foreach (var record in opened.ReadLedgerAsync(TestContext.Current.CancellationToken))
            {
                seen++;
            }
        });

        Assert.Equal(1, seen);
        Assert.Equal("ECRITURES.csv", fault.File);
        Assert.Contains("LIGNES=2", fault.Message, StringComparison.Ordinal);
        Assert.False(opened.Summary(ExportFile.Ledger)!.Completed);
    }

    [Fact]
    public void A_record_count_that_disagrees_can_be_found_before_reading_any_value()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n", 2);
        var opened = LegacyExport.Open(export.Path);

        var fault = Assert.Throws<ExportFileException>(() => opened.VerifyRecordCounts(TestContext.Current.CancellationToken));

        Assert.Equal("ECRITURES.csv", fault.File);
        Assert.Null(opened.Summary(ExportFile.Ledger));
    }

    [Fact]
    public void Record_counts_of_a_complete_export_verify()
    {
        var export = LegacyExport.Open(ExportCopy.Source("valid-export"));

        var fault = Record.Exception(() => export.VerifyRecordCounts(TestContext.Current.CancellationToken));

        Assert.Null(fault);
    }

    [Fact]
    public async Task A_record_count_above_the_control_file_fails_too()
    {
        using var export = new ExportCopy();
        export.WriteLedger(
            ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n" + Line1.Replace(";1;", ";2;", StringComparison.Ordinal) + "\r\n",
            1);

        await Assert.ThrowsAsync<ExportFileException>(() => ReadLedgerAsync(export));
    }

    [Fact]
    public async Task A_quote_never_closed_swallows_the_rest_of_the_file_and_fails_the_record_count()
    {
        using var export = new ExportCopy();
        var unclosed = "2023;OUV;1;2;01/01/2023;1000000;;;;\"Fonds propres;;100,00";
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n" + unclosed + "\r\n"
            + Line1.Replace(";1;", ";3;", StringComparison.Ordinal)
            + "\r\n", 3);

        var fault = await Assert.ThrowsAsync<ExportFileException>(() => ReadLedgerAsync(export));

        Assert.Equal("ECRITURES.csv", fault.File);
    }

    [Fact]
    public async Task Control_totals_that_disagree_are_reported_with_the_difference_but_do_not_stop_reading()
    {
        using var export = new ExportCopy();
        export.WriteLedger(ExportCopy.LedgerHeader + "\r\n" + Line1 + "\r\n", 1);
        export.SetControlLine("ECRITURES.csv", "FICHIER=ECRITURES.csv;LIGNES=1;TOTAL_DEBIT=1.100,00;TOTAL_CREDIT=0,00");
        var opened = LegacyExport.Open(export.Path);

        var records = await Collect.AllAsync(opened.ReadLedgerAsync(TestContext.Current.CancellationToken));

        var summary = opened.Summary(ExportFile.Ledger)!;
        Assert.Single(records);
        Assert.True(summary.Completed);
        Assert.False(summary.TotalsAgree);
        Assert.Equal(-1000.00m, summary.DebitDifference!.Value.Value);
        Assert.Equal(0m, summary.CreditDifference!.Value.Value);
    }

    private static async Task ReadLedgerAsync(ExportCopy export) =>
        await Collect.AllAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));

    private static int MakeFifo(string path, uint mode) => MakeFifo(System.Text.Encoding.UTF8.GetBytes(path + "\0"), mode);

    // The path as NUL-terminated UTF-8 bytes: no string marshalling to choose.
    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(byte[] path, uint mode);
}
