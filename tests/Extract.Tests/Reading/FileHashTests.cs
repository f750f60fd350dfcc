using System.Security.Cryptography;
using System.Text;
using Bascule.Extract.Profiles;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Reading;

/// <summary>
/// The count before a load and the load itself each hash the bytes they read: the same SHA-256 as the file's own, so
/// that a run can tell whether what it loaded is what it counted.
/// </summary>
public sealed class FileHashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_count_and_the_read_hash_each_file_as_its_bytes_hash()
    {
        using var export = new ExportCopy();
        var opened = LegacyExport.Open(export.Path);

        var counted = opened.VerifyRecordCounts(Ct);
        await Collect.AllAsync(opened.ReadLedgerAsync(Ct));
        await Collect.AllAsync(opened.ReadThirdPartiesAsync(Ct));

        foreach (var file in Enum.GetValues<ExportFile>())
        {
            var own = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(opened.PathOf(file))));
            Assert.Equal(own, counted[file].Sha256);
            Assert.Equal(opened.Control.Entry(counted[file].Name)!.Lines, counted[file].Records);
        }

        Assert.Equal(counted[ExportFile.Ledger].Sha256, opened.Summary(ExportFile.Ledger)!.Sha256);
        Assert.Equal(counted[ExportFile.ThirdParties].Sha256, opened.Summary(ExportFile.ThirdParties)!.Sha256);
    }

    [Fact]
    public async Task A_byte_order_mark_is_hashed_with_the_rest_of_the_file()
    {
        using var export = new ExportCopy();
        var text = ExportCopy.LedgerHeader + "\r\n" + "2023;OUV;1;1;01/01/2023;5500000;;;;Crédit;100,00;" + "\r\n";
        export.WriteLedger(text, 1);
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)];
        export.WriteBytes("ECRITURES.csv", bytes);
        var opened = LegacyExport.Open(export.Path);

        var counted = opened.VerifyRecordCounts(Ct)[ExportFile.Ledger];
        var lines = await Collect.AcceptedAsync(opened.ReadLedgerAsync(Ct));

        Assert.Equal("Crédit", Assert.Single(lines).Label);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), counted.Sha256);
        Assert.Equal(counted.Sha256, opened.Summary(ExportFile.Ledger)!.Sha256);
    }

    [Fact]
    public async Task A_read_that_stops_early_states_no_hash()
    {
        using var export = new ExportCopy();
        var opened = LegacyExport.Open(export.Path);

        await using (var records = opened.ReadLedgerAsync(Ct).GetAsyncEnumerator(Ct))
        {
            Assert.True(await records.MoveNextAsync());
        }

        Assert.Null(opened.Summary(ExportFile.Ledger)!.Sha256);
    }
}
