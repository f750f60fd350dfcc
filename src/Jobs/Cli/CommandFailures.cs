using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// What the user sees when a command cannot even start (an unknown command or option, a value of the wrong type, a
/// setting that fails its check) or stops on a fault no command handled: one message, never a stack trace, and the
/// documented exit code.
/// </summary>
public static class CommandFailures
{
    public static int Report(IAnsiConsole console, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case OperationCanceledException:
                console.MarkupLine("[yellow]Interrupted.[/]");
                return ExitCodes.Interrupted;
            case CommandOutputException:
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{exception.Message}[/]");
                return ExitCodes.CouldNotComplete;
            case CommandAppException { Pretty: { } pretty }:
                console.Write(pretty);
                console.MarkupLine("See [bold]bascule --help[/] or [bold]bascule <command> --help[/].");
                return ExitCodes.CouldNotComplete;
            case CommandAppException:
                return BadArguments(console, exception.Message);
            default:
                // A fault no command expected is a defect: say so plainly, with its kind, and nothing internal.
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]Bascule stopped on an unexpected fault ({
                        exception.GetType().Name}); nothing more was done. This is a defect: report it with the command you ran.[/]");
                return ExitCodes.CouldNotComplete;
        }
    }

    /// <summary>A driver's message as a sentence of ours, to be followed by what to do: PostgreSQL's end without a full stop.</summary>
    public static string Sentence(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.TrimEnd();
        return text.EndsWith('.') ? text : text + ".";
    }

    /// <summary>Arguments that cannot be used: what is wrong with them, where to read how to write them, exit 1.</summary>
    public static int BadArguments(IAnsiConsole console, string message)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Error:[/] {message}");
        console.MarkupLine("See [bold]bascule --help[/] or [bold]bascule <command> --help[/].");
        return ExitCodes.CouldNotComplete;
    }
}
