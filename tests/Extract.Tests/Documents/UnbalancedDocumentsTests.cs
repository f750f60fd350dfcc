using Bascule.Extract.Documents;
using Bascule.Extract.Tests.Support;
using Bascule.Extract.Values;

namespace Bascule.Extract.Tests.Documents;

public sealed class UnbalancedDocumentsTests
{
    [Fact]
    public async Task Balanced_export_has_no_unbalanced_document()
    {
        var export = LegacyExport.Open(ExportCopy.Source("valid-export"));
        var documents = new UnbalancedDocuments();

        foreach (var line in await Collect.AcceptedAsync(export.ReadLedgerAsync(TestContext.Current.CancellationToken)))
        {
            documents.Add(line);
        }

        Assert.Empty(documents.Unbalanced());
    }

    [Fact]
    public async Task A_document_whose_debits_and_credits_differ_is_read_then_listed_with_its_difference()
    {
        using var export = new ExportCopy();
        export.WriteLedger(
            ExportCopy.LedgerHeader + "\r\n" +
            "2023;ACH;7;1;01/03/2023;6120000;;O;;Achat;100,00;\r\n" +
            "2023;FIN;8;1;02/03/2023;5500000;;;;Banque;;50,00\r\n" +
            "2023;ACH;7;2;01/03/2023;4400000;;;;Achat;;99,99\r\n" +
            "2023;FIN;8;2;02/03/2023;4400000;;;;Banque;50,00;\r\n", 4);
        var documents = new UnbalancedDocuments();

        var lines = await Collect.AcceptedAsync(LegacyExport.Open(export.Path).ReadLedgerAsync(TestContext.Current.CancellationToken));
        lines.ForEach(documents.Add);

        Assert.Equal(4, lines.Count);
        var unbalanced = Assert.Single(documents.Unbalanced());
        Assert.Equal(("ACH", "7", 2L, 2), (unbalanced.Journal, unbalanced.DocumentNumber, unbalanced.FirstLine, unbalanced.Lines));
        Assert.Equal(Amount.FromEuros(0.01m), unbalanced.Difference);
    }
}
