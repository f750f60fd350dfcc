using Spectre.Console;

namespace Bascule.Jobs.Composition;

/// <summary>The console every command writes to: a live terminal, or a log, a pipe or cron.</summary>
public static class BasculeConsole
{
    /// <summary>
    /// Wide enough that no line Bascule writes is wrapped when the output is not a terminal: a run id or a report
    /// path split over lines cannot be copied from a log.
    /// </summary>
    public const int RedirectedWidth = 8192;

    public static IAnsiConsole Create(TextWriter? writer = null)
    {
        var redirected = writer is not null || Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer ?? Console.Out),
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
        });
        if (redirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>
    /// The console over standard error, for messages while standard output carries a JSON document: plain and never
    /// wrapped, as a redirected console, because whoever pipes the document usually logs the messages too.
    /// </summary>
    public static IAnsiConsole CreateError() => Create(Console.Error);
}
