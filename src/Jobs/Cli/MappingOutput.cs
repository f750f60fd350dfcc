using System.Text;
using Spectre.Console;

namespace Bascule.Jobs.Cli;

/// <summary>
/// Writes a mapping report to the console's standard output as plain text, never wrapped, or to a file (UTF-8) when
/// <c>--out</c> is given; then the line that names the file goes to <paramref name="messages"/>.
/// Throws <see cref="CommandOutputException"/> when that file cannot be written.
/// </summary>
public static class MappingOutput
{
    public static async Task WriteAsync(
        string report,
        string? file,
        IAnsiConsole console,
        IAnsiConsole messages,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(messages);
        if (string.IsNullOrWhiteSpace(file))
        {
            await console.Profile.Out.Writer.WriteAsync(report);
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
                $"The report could not be written to {Path.GetFullPath(file)}: {ex.Message} Give --out a file in a folder you can write "
                    + $"to, or leave --out out to print it.", ex);
        }

        await messages.Profile.Out.Writer.WriteLineAsync($"Report written to {file}");
    }
}
