using Bascule.TestSupport.Samples;
using System.Text;
using Bascule.Extract.Values;
using Bascule.TestSupport;
using Xunit.Sdk;

namespace Bascule.Sample.Tests;

/// <summary>The independent checks are only worth something if they fail on a damaged export.</summary>
public sealed class IndependentExportChecksTests
{
    [Theory]
    [InlineData("ECRITURES.csv", "Bilan d'ouverture 2023 - Caisse;", "Bilan d'ouverture 2023 - Caisse;1")]
    [InlineData("ECRITURES.csv", "\r\n2023;ACH;1;1;", "\n2023;ACH;1;1;")]
    [InlineData("BALANCE.csv", ";Patrimoine;", ";Patrimoine;1,00")]
    [InlineData("TIERS.csv", ";BE", ";BE0")]
    [InlineData("EXPORT.txt", "LIGNES=", "LIGNES=1")]
    public void Checks_fail_on_a_damaged_export(string file, string find, string replaceWith)
    {
        using var folder = new TempDirectory();
        SampleGenerator.Generate(
            new SampleOptions(folder.Path, EntityType.Commune, new FiscalYear(2023), 300, 1, "Commune d'Etterbeek", "21005"));
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var path = folder.Combine(file);
        var text = windows1252.GetString(File.ReadAllBytes(path));
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not found in {file}");
        File.WriteAllBytes(path, windows1252.GetBytes(string.Concat(text.AsSpan(0, at), replaceWith, text.AsSpan(at + find.Length))));

        Assert.ThrowsAny<XunitException>(() => IndependentExportChecks.Verify(folder.Path, "COMMUNE", 2023));
    }
}
