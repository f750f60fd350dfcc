using Bascule.Jobs.Cli;
using Bascule.Jobs.Composition;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bascule.Jobs.Tests;

/// <summary>A command created from the composition root, as the command line creates it, writing to a test's console.</summary>
internal static class Commands
{
    public static async Task<int> RunAsync<T>(IAnsiConsole console, Func<T, Task<int>> run)
        where T : class
    {
        await using var services = BasculeServices.Build(BasculeConfiguration.Build(), console);
        return await run(services.Create<T>());
    }
}
