using System.Text;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Writes a mapping report to the console, or to a file (UTF-8) when <c>--out</c> is given; throws
/// <see cref="CommandOutputException"/> when that file cannot be written.
/// </summary>
public static class MappingOutput
{
    public static async Task WriteAsync(string report, string? file, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            await Console.Out.WriteAsync(report);
            return;
        }

        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            await File.WriteAllTextAsync(file, report, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CommandOutputException(
                $"The report could not be written to {Path.GetFullPath(file)}: {ex.Message} Give --out a file in a folder you can write to, or leave --out out to print it.", ex);
        }

        await Console.Out.WriteLineAsync($"Report written to {file}");
    }
}
