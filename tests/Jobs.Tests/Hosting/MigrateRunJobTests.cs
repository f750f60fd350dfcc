using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>A run started from the command line has no Hangfire job: <c>bascule runs</c> shows none.</summary>
public sealed class MigrateRunJobTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_plain_migrate_leaves_the_job_of_its_run_empty()
    {
        var staging = _temp.Combine("staging.db");
        var exit = await BasculeApp.Create().RunAsync(
            ["migrate", "--export", RepositoryRoot.Combine("samples", "cpas-etterbeek-2023"), "--mapping", RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"),
             "--provider", "sqlite", "--connection", staging, "--out", _temp.Combine("out")],
            TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);

        using var output = new StringWriter();
        using var json = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 240;
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(console, c => c.RunAsync(json, new RunsCommand.Settings { Provider = "sqlite", Connection = staging, Format = "json" }, TestContext.Current.CancellationToken)));
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(console, c => c.RunAsync(json, new RunsCommand.Settings { Provider = "sqlite", Connection = staging }, TestContext.Current.CancellationToken)));

        using var runs = JsonDocument.Parse(json.ToString());
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("published", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("job").ValueKind);
        Assert.Contains("Job", output.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
