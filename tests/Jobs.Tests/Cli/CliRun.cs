using Bascule.Jobs.Cli;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>The real <c>bascule</c> command line in this process (parse, validation, command), its console captured.</summary>
internal static class CliRun
{
    /// <summary>Runs <paramref name="args"/> as <c>bascule</c> would; returns the exit code and everything written to the
    /// console.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await BasculeApp.Create(console: Console(output)).RunAsync(args, TestContext.Current.CancellationToken);
        return (exit, output.ToString());
    }

    /// <summary>A plain console into <paramref name="output"/>, wide enough that no message or example is wrapped.</summary>
    public static IAnsiConsole Console(StringWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = 1000;
        return console;
    }
}
