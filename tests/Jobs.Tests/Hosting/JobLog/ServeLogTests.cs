using System.Text.Json;
using System.Text.RegularExpressions;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire;
using Npgsql;

namespace Bascule.Jobs.Tests.Hosting.JobLog;

/// <summary>The log of a real <c>bascule serve</c> process over a shared PostgreSQL job storage: one line per step of each job.</summary>
public sealed partial class ServeLogTests(PostgresServer server) : IDisposable
{
    // The throwaway cluster trusts every login: a password in the connection string is accepted, and must never show.
    private const string Password = "NeverInTheLog-4711";

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Json_log_has_one_object_per_line_and_a_line_for_each_jobs_start_success_and_failure()
    {
        var fleet = FleetSample.Write(_temp, entities: 3, lines: 300);
        // The third entity's export lost its control file: a data fault, failed at once without retries.
        File.Delete(Path.Combine(fleet.Entities[2].ExportFolder(FleetSample.Year), "EXPORT.txt"));
        var jobs = await JobsDatabaseAsync();
        using var serve = await ServeProcess.StartAsync(
            _temp.Path,
            "--jobs-storage",
            "postgres",
            "--jobs-connection",
            jobs,
            "--workers",
            "2",
            "--log-format",
            "json");

        var client = new BackgroundJobClient(JobStorages.Create(JobStorages.Postgres, jobs));
        var ids = fleet.Entities.Select(e => FleetEnqueuer.Enqueue(client, e, FleetSample.Year)).ToList();
        await serve.WaitForAsync(output => Terminal().Count(output) == 3);
        Assert.Equal(0, await serve.StopAsync());

        var lines = serve.Cli.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var entries = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Object, e.ValueKind));
        Assert.All(entries, e => Assert.True(e.TryGetProperty("time", out _) && e.TryGetProperty("level", out _)
            && e.TryGetProperty("source", out _)
            && e.TryGetProperty("message", out _), e.ToString()));
        Assert.DoesNotContain(Password, serve.Cli.Output, StringComparison.Ordinal);
        for (var i = 0; i < 3; i++)
        {
            var events = entries.Where(e => e.TryGetProperty("job", out var j) && j.GetString() == ids[i]).ToList();
            var expected = i < 2 ? "succeeded" : "failed";
            Assert.Equal(["started", expected], events.Select(e => e.GetProperty("outcome").GetString()));
            Assert.All(events, e => Assert.Equal(
                (fleet.Entities[i].Key, FleetSample.Year.Value, 1),
                (e.GetProperty("entity").GetString(), e.GetProperty("year").GetInt32(), e.GetProperty("attempt").GetInt32())));
            var end = events[1];
            Assert.Equal("job." + expected, end.GetProperty("event").GetString());
            Assert.True(end.GetProperty("durationSeconds").GetDouble() > 0);
            if (i < 2)
            {
                Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-7", end.GetProperty("run").GetString());
                Assert.True(Directory.Exists(Path.Combine(_temp.Path, "out", "runs", end.GetProperty("run").GetString()!)));
            }
            else
            {
                Assert.Equal("ERROR", end.GetProperty("level").GetString());
                Assert.Contains("EXPORT.txt", end.GetProperty("reason").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Text_log_has_one_line_per_job_step_with_its_fields()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 300);
        var jobs = await JobsDatabaseAsync();
        using var serve = await ServeProcess.StartAsync(
            _temp.Path,
            "--jobs-storage",
            "postgres",
            "--jobs-connection",
            jobs,
            "--workers",
            "1");

        var id = FleetEnqueuer.Enqueue(
            new BackgroundJobClient(JobStorages.Create(JobStorages.Postgres, jobs)),
            fleet.Entities[0],
            FleetSample.Year);
        await serve.WaitForAsync(output => output.Contains("outcome=succeeded", StringComparison.Ordinal));
        Assert.Equal(0, await serve.StopAsync());

        var key = fleet.Entities[0].Key;
        var lines = serve.Cli.StandardOutput.Split('\n').Where(l => l.Contains(" (Bascule.Jobs) ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Matches($@"^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ \[INFO\] \(Bascule.Jobs\) Job {id} started: {key} 2023, attempt 1\. \| "
            + $@"event=job\.started entity={key} year=2023 job={id} run=- attempt=1 duration=- outcome=started\r?$", lines[0]);
        Assert.Matches($@"\[INFO\] \(Bascule.Jobs\) Job {id} succeeded: {key} 2023, run [0-9a-f-]{{36}} in \d+\.\d s\. \| "
            + $@"event=job\.succeeded entity={key} year=2023 job={id} run=[0-9a-f-]{{36}} "
            + $@"attempt=1 duration=\d+\.\ds outcome=succeeded\r?$", lines[1]);
        Assert.DoesNotContain(Password, serve.Cli.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> JobsDatabaseAsync() =>
        new NpgsqlConnectionStringBuilder(await server.CreateDatabaseAsync()) { Password = Password }.ConnectionString;

    [GeneratedRegex("\"outcome\":\"(succeeded|failed)\"")]
    private static partial Regex Terminal();
}
