using System.Text;

namespace Bascule.Jobs.Cli;

/// <summary>Writes a mapping report to the console, or to a file (UTF-8) when <c>--out</c> is given.</summary>
public static class MappingOutput
{
    public static async Task WriteAsync(string report, string? file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            await Console.Out.WriteAsync(report);
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(file, report, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        await Console.Out.WriteLineAsync($"Report written to {file}");
    }
}
