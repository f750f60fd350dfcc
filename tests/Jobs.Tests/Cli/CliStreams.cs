using Bascule.Jobs.Cli;
using Bascule.Jobs.Composition;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// One <c>bascule</c> command line through <see cref="BasculeApp.Create"/>, as the executable runs it with its standard
/// output and standard error redirected: each to its own writer, through the same consoles the program creates.
/// </summary>
internal static class CliStreams
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BasculeApp.Create(BasculeConfiguration.Build(), BasculeConsole.Create(stdout), BasculeConsole.Create(stderr))
            .RunAsync(args, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
