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
            case CommandAppException { Pretty: { } pretty }:
                console.Write(pretty);
                console.MarkupLine("See [bold]bascule --help[/] or [bold]bascule <command> --help[/].");
                return ExitCodes.CouldNotComplete;
            case CommandAppException:
                console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Error:[/] {exception.Message}");
                console.MarkupLine("See [bold]bascule --help[/] or [bold]bascule <command> --help[/].");
                return ExitCodes.CouldNotComplete;
            default:
                // A fault no command expected is a defect: say so plainly, with its kind, and nothing internal.
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]Bascule stopped on an unexpected fault ({exception.GetType().Name}); nothing more was done. This is a defect: report it with the command you ran.[/]");
                return ExitCodes.CouldNotComplete;
        }
    }
}
