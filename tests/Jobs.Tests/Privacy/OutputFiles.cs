using System.IO.Compression;
using System.Net;
using System.Text;

namespace Bascule.Jobs.Tests.Privacy;

/// <summary>
/// Every file a command wrote into a folder, as the text a reader would see: a workbook (a zip of XML parts) entry by
/// entry with XML entities decoded, any other file as UTF-8.
/// </summary>
internal static class OutputFiles
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(params string[] folders)
    {
        var texts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in folders)
        {
            foreach (var path in Directory.GetFiles(folder, "*", SearchOption.AllDirectories))
            {
                texts[Path.GetRelativePath(Path.GetDirectoryName(folder)!, path)] = path.EndsWith(".xlsx", StringComparison.Ordinal)
                    ? await WorkbookTextAsync(path)
                    : await File.ReadAllTextAsync(path, Encoding.UTF8, TestContext.Current.CancellationToken);
            }
        }

        return texts;
    }

    private static async Task<string> WorkbookTextAsync(string path)
    {
        using var zip = new ZipArchive(
            new MemoryStream(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken)),
            ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.Append(WebUtility.HtmlDecode(await reader.ReadToEndAsync(TestContext.Current.CancellationToken))).Append('\n');
        }

        return text.ToString();
    }
}
