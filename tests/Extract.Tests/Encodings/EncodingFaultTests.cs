using System.Text;
using Bascule.Extract.Encodings;
using Bascule.Extract.Profiles;
using Bascule.Extract.Tests.Support;

namespace Bascule.Extract.Tests.Encodings;

/// <summary>A byte the detected encoding cannot decode is a file-level fault naming the line, never a '?' or U+FFFD.</summary>
public sealed class EncodingFaultTests
{
    private static readonly byte[] Header = Encoding.ASCII.GetBytes(Support.ExportCopy.LedgerHeader + "\r\n");
    private static readonly byte[] Line = Encoding.ASCII.GetBytes("2023;OUV;1;1;01/01/2023;5500000;;;;Banque;100,00;\r\n");

    [Fact]
    public void A_byte_undefined_in_windows_1252_is_an_error_naming_the_line()
    {
        using var export = new ExportCopy();
        byte[] damaged = [.. Encoding.ASCII.GetBytes("2023;OUV;1;2;01/01/2023;5500000;;;;Caf"), 0xE9, 0x81, .. Encoding.ASCII
            .GetBytes(";;100,00\r\n")];
        export.WriteBytes("ECRITURES.csv", [.. Header, .. Line, .. damaged]);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal("ECRITURES.csv", fault.File);
        Assert.Equal(3, fault.Line);
        Assert.Contains("0x81", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_utf8_sequence_after_a_byte_order_mark_is_an_error_naming_the_line()
    {
        using var export = new ExportCopy();
        byte[] damaged = [.. Encoding.ASCII.GetBytes("2023;OUV;1;2;01/01/2023;5500000;;;;Caf"), 0xE9, .. Encoding.ASCII
            .GetBytes(";;100,00\r\n")];
        export.WriteBytes("ECRITURES.csv", [0xEF, 0xBB, 0xBF, .. Header, .. Line, .. damaged]);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Equal(3, fault.Line);
        Assert.Contains("UTF-8", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pinned_utf8_encoding_is_checked_strictly()
    {
        using var export = new ExportCopy();
        var profile = ExportProfile.Default with { Encoding = ExportEncoding.Utf8 };

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path, profile));

        Assert.Equal("ECRITURES.csv", fault.File);
        Assert.Equal(4, fault.Line);
    }

    [Fact]
    public void A_utf16_file_is_refused_with_advice()
    {
        using var export = new ExportCopy();
        export.WriteBytes("TIERS.csv", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("CODE_TIERS;NOM")]);

        var fault = Assert.Throws<ExportFileException>(() => LegacyExport.Open(export.Path));

        Assert.Contains("UTF-16", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_utf8_sequence_cut_by_the_scan_buffer_is_still_valid()
    {
        using var directory = new Bascule.TestSupport.TempDirectory();
        var path = directory.Combine("big.csv");
        var padding = new string('a', (1 << 20) - 1);
        File.WriteAllText(path, padding + "é\n", new UTF8Encoding(false));

        var detected = EncodingDetector.Detect(path);

        Assert.Equal("utf-8", detected.Name);
    }
}
