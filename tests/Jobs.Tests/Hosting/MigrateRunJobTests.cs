using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Spectre.Console;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>A run started from the command line has no Hangfire job: <c>bascule runs</c> shows none. Run once per provider.</summary>
public abstract class MigrateRunJobTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Fact]
    public async Task A_plain_migrate_leaves_the_job_of_its_run_empty()
    {
        var staging = await CreateConnectionAsync();
        var exit = await BasculeApp.Create().RunAsync(
            ["migrate", "--export", RepositoryRoot.Combine("samples", "cpas-etterbeek-2023"), "--mapping", RepositoryRoot.Combine(
                "mappings",
                "bxl-2024",
                "1.0.0"),
             "--provider", Provider, "--connection", staging, "--out", Temp.Combine("out")],
            TestContext.Current.CancellationToken);
        Assert.Equal(0, exit);

        using var output = new StringWriter();
        using var json = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings { Ansi = AnsiSupport.No, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(output) });
        console.Profile.Width = 240;
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(console, c => c.RunAsync(
            json,
            new RunsCommand.Settings { Provider = Provider, Connection = staging, Format = "json" },
            TestContext.Current.CancellationToken)));
        Assert.Equal(0, await Commands.RunAsync<RunsCommand>(console, c => c.RunAsync(
            json,
            new RunsCommand.Settings { Provider = Provider, Connection = staging },
            TestContext.Current.CancellationToken)));

        using var runs = JsonDocument.Parse(json.ToString());
        var run = Assert.Single(runs.RootElement.EnumerateArray());
        Assert.Equal("published", run.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, run.GetProperty("job").ValueKind);
        Assert.Contains("Job", output.ToString(), StringComparison.Ordinal);
    }
}

public sealed class SqliteMigrateRunJobTests(SqliteDatabase database) : MigrateRunJobTests<SqliteDatabase>(database);

public sealed class PostgresMigrateRunJobTests(PostgresDatabase database) : MigrateRunJobTests<PostgresDatabase>(database);

public sealed class SqlServerMigrateRunJobTests(SqlServerDatabase database) : MigrateRunJobTests<SqlServerDatabase>(database);
