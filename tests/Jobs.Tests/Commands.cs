using Bascule.Jobs.Cli;
using Bascule.Jobs.Composition;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bascule.Jobs.Tests;

/// <summary>A command created from the composition root, as the command line creates it, writing to a test's console.</summary>
internal static class Commands
{
    public static Task<int> RunAsync<T>(IAnsiConsole console, Func<T, Task<int>> run)
        where T : class =>
        RunAsync(console, run, new Dictionary<string, string?>());

    /// <summary>The same, with <paramref name="settings"/> over the configuration (as a later source, the way environment variables
    /// are).</summary>
    public static async Task<int> RunAsync<T>(IAnsiConsole console, Func<T, Task<int>> run, IReadOnlyDictionary<string, string?> settings)
        where T : class
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(BasculeConfiguration.Build()).AddInMemoryCollection(settings)
            .Build();
        await using var services = BasculeServices.Build(configuration, console);
        return await run(services.Create<T>());
    }

    /// <summary>A console that writes plain text (no colours, 400 columns) into <paramref name="output"/>.</summary>
    public static IAnsiConsole Console(StringWriter output)
    {
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 400;
        return console;
    }
}
