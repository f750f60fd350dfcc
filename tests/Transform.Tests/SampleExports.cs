using Bascule.Extract;
using Bascule.Extract.Records;
using Bascule.TestSupport;

namespace Bascule.Transform.Tests;

/// <summary>The committed sample exports (samples/), read with the real Extract stage.</summary>
internal static class SampleExports
{
    public const string Commune = "commune-etterbeek-2023";
    public const string Cpas = "cpas-etterbeek-2023";

    public static LegacyExport Open(string name)
    {
        var folder = RepositoryRoot.Combine("samples", name);
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"The sample export {folder} is not there; generate it with bascule sample (see samples/README.md).");
        }

        return LegacyExport.Open(folder);
    }

    public static async IAsyncEnumerable<LedgerLine> Lines(LegacyExport export)
    {
        await foreach (var parsed in export.ReadLedgerAsync())
        {
            if (parsed.Value is { } line)
            {
                yield return line;
            }
        }
    }

    public static async Task<List<LedgerLine>> ReadAllAsync(LegacyExport export)
    {
        var lines = new List<LedgerLine>();
        await foreach (var line in Lines(export))
        {
            lines.Add(line);
        }

        return lines;
    }

    public static string BxlVersion => RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
}
