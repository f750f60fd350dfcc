using Bascule.Extract.Profiles;
using Bascule.Extract.Tests.Support;
using Bascule.TestSupport;

namespace Bascule.Extract.Tests.Reading;

/// <summary>The generated samples under samples/ read completely and agree with their control files to the cent.</summary>
public sealed class SampleExportTests
{
    [Theory]
    [InlineData("commune-etterbeek-2023")]
    [InlineData("cpas-etterbeek-2023")]
    public async Task Extract_on_a_sample_agrees_with_its_EXPORT_txt_to_the_cent(string sample)
    {
        var folder = RepositoryRoot.Combine("samples", sample);
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"samples/{sample} is not in the repository (bascule sample writes it).");
        }

        var ct = TestContext.Current.CancellationToken;
        var export = LegacyExport.Open(folder);

        await Collect.AllAsync(export.ReadLedgerAsync(ct));
        await Collect.AllAsync(export.ReadBalanceAsync(ct));
        await Collect.AllAsync(export.ReadArticlesAsync(ct));
        await Collect.AllAsync(export.ReadThirdPartiesAsync(ct));
        await Collect.AllAsync(export.ReadCommitmentsAsync(ct));

        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var summary = export.Summary(file)!;
            Assert.True(summary.Completed, summary.Name);
            Assert.Equal(summary.Control.Lines, summary.Records);
            Assert.Equal(0, summary.Rejected);
            Assert.True(summary.TotalsAgree, $"{summary.Name}: debit {summary.DebitDifference}, credit {summary.CreditDifference}");
        }

        Assert.NotNull(export.Summary(ExportFile.Ledger)!.Control.TotalDebit);
        Assert.Equal(export.Summary(ExportFile.Ledger)!.Control.TotalDebit, export.Summary(ExportFile.Ledger)!.Debit);
    }
}
