using System.Globalization;
using System.Text.Json;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Tests.Cli;
using Bascule.TestSupport;
using Hangfire;
using Hangfire.Storage;
using Npgsql;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary><c>bascule schedule</c> (--cron, --list, --remove) through the command line against the shared PostgreSQL job
/// storage.</summary>
public sealed class ScheduleCommandTests(PostgresServer server) : IDisposable
{
    private const string Format = "Five fields in UTC: minute hour day-of-month month day-of-week, e.g. \"0 2 * * 6\"";

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Rehearsals_are_listed_with_their_next_execution_then_removed_by_id_and_by_selection()
    {
        var fleet = FleetSample.Write(_temp, entities: 2, lines: 100);
        var jobs = await CreateDatabaseAsync();
        var (first, second) = (Rehearsal(fleet.Entities[0].Key), Rehearsal(fleet.Entities[1].Key));

        var (exit, output) = await Bascule(jobs, "schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6", "--fleet", fleet.Path);

        Assert.True(exit == 0, output);
        Assert.Contains($"recurring job {first}: {fleet.Entities[0].Key} 2023", output, StringComparison.Ordinal);
        Assert.Contains($"recurring job {second}: {fleet.Entities[1].Key} 2023", output, StringComparison.Ordinal);

        (exit, output) = await Bascule(jobs, "schedule", "--list", "--format", "json");
        Assert.True(exit == 0, output);
        using (var listed = JsonDocument.Parse(output))
        {
            Assert.Equal([first, second], listed.RootElement.EnumerateArray().Select(j => j.GetProperty("id").GetString()));
            var job = listed.RootElement[0];
            Assert.Equal(fleet.Entities[0].Key, job.GetProperty("entity").GetString());
            Assert.Equal(2023, job.GetProperty("year").GetInt32());
            Assert.Equal("0 2 * * 6", job.GetProperty("cron").GetString());
            Assert.Equal("UTC", job.GetProperty("timeZone").GetString());
            // Hangfire's own next execution: the coming Saturday at 02:00 UTC, written as ISO 8601 in UTC.
            var nextText = job.GetProperty("nextExecutionUtc").GetString()!;
            Assert.EndsWith("Z", nextText, StringComparison.Ordinal);
            var next = DateTime.Parse(
                nextText,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            Assert.Equal((DayOfWeek.Saturday, new TimeSpan(2, 0, 0)), (next.DayOfWeek, next.TimeOfDay));
            Assert.InRange(next, DateTime.UtcNow, DateTime.UtcNow.AddDays(7));
            Assert.Equal(JsonValueKind.Null, job.GetProperty("lastExecutionUtc").ValueKind);
            Assert.Equal(JsonValueKind.Null, job.GetProperty("lastJobState").ValueKind);
        }

        (exit, output) = await Bascule(jobs, "schedule", "--list");
        Assert.True(exit == 0, output);
        Assert.Contains(first, output, StringComparison.Ordinal);
        Assert.Contains("0 2 * * 6", output, StringComparison.Ordinal);

        (exit, output) = await Bascule(jobs, "schedule", "--remove", first);
        Assert.True(exit == 0, output);
        Assert.Contains($"removed recurring job {first}", output, StringComparison.Ordinal);
        Assert.Equal([second], RecurringIds(jobs));

        (exit, output) = await Bascule(jobs, "schedule", "--remove", first);
        Assert.Equal(1, exit);
        Assert.Contains(
            $"No recurring job '{first}' in the job storage: nothing removed. bascule schedule --list shows the ids.",
            output,
            StringComparison.Ordinal);
        Assert.Equal([second], RecurringIds(jobs));

        // By selection, without the fleet file: every rehearsal of the year in the storage.
        (exit, output) = await Bascule(jobs, "schedule", "--remove", "--all", "--year", "2023");
        Assert.True(exit == 0, output);
        Assert.Contains($"removed recurring job {second}", output, StringComparison.Ordinal);
        Assert.Empty(RecurringIds(jobs));

        (exit, output) = await Bascule(jobs, "schedule", "--remove", "--entity", fleet.Entities[1].Key, "--year", "2023");
        Assert.Equal(1, exit);
        Assert.Contains($"No recurring rehearsal {second} in the job storage: nothing removed.", output, StringComparison.Ordinal);

        (exit, output) = await Bascule(jobs, "schedule", "--list");
        Assert.True(exit == 0, output);
        Assert.Contains("No recurring jobs in the job storage", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_execution_of_a_rehearsal_and_the_state_of_its_job_are_listed()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();
        Assert.Equal(0, (await Bascule(
            jobs,
            "schedule",
            "--entity",
            fleet.Entities[0].Key,
            "--year",
            "2023",
            "--cron",
            "30 1 * * 1-5",
            "--fleet",
            fleet.Path)).Exit);
        var storage = JobStorages.Create(JobStorages.Postgres, jobs);
        // What Hangfire does when the cron comes: a job of the rehearsal, enqueued now.
        new RecurringJobManager(storage).Trigger(Rehearsal(fleet.Entities[0].Key));

        var (exit, output) = await Bascule(jobs, "schedule", "--list", "--format", "json");

        Assert.True(exit == 0, output);
        using var listed = JsonDocument.Parse(output);
        var job = Assert.Single(listed.RootElement.EnumerateArray());
        var lastJob = job.GetProperty("lastJob").GetString();
        Assert.NotNull(lastJob);
        Assert.Equal("Enqueued", job.GetProperty("lastJobState").GetString());
        Assert.InRange(
            job.GetProperty("lastExecutionUtc").GetDateTime().ToUniversalTime(),
            DateTime.UtcNow.AddMinutes(-5),
            DateTime.UtcNow.AddMinutes(1));
        using var connection = storage.GetConnection();
        Assert.Equal(fleet.Entities[0].Key, connection.GetJobData(lastJob).Job.Args[0]);
        (exit, output) = await Bascule(jobs, "schedule", "--list");
        Assert.Contains($"Enqueued (job {lastJob})", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("61 2 * * *", "the minute field '61': value must be a number between 0 and 59 (all inclusive)")]
    [InlineData("0 2 * *", "it has 4 fields, not 5")]
    [InlineData("0 25 * * 6", "the hour field '25': value must be a number between 0 and 23 (all inclusive)")]
    [InlineData("0 2 * * 6 2024", "it has 6 fields; a sixth field (seconds) is not accepted here")]
    [InlineData("0 2 31 2 *", "no date ever matches it")]
    [InlineData("every saturday", "it has 2 fields, not 5")]
    public async Task A_bad_cron_expression_is_refused_with_the_reason_before_anything_is_written(string cron, string what)
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();

        var (exit, output) = await Bascule(jobs, "schedule", "--all", "--year", "2023", "--cron", cron, "--fleet", fleet.Path);

        Assert.Equal(1, exit);
        Assert.Contains($"--cron '{cron}' is not a valid cron expression: {what}. {Format}", output, StringComparison.Ordinal);
        Assert.DoesNotContain("inner exception", output, StringComparison.OrdinalIgnoreCase);
        Assert.False(await HasJobSchemaAsync(jobs), "The job storage was written to.");

        // The same command with a valid expression does write: the check above can fail.
        Assert.Equal(0, (await Bascule(jobs, "schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6", "--fleet", fleet.Path)).Exit);
        Assert.True(await HasJobSchemaAsync(jobs));
    }

    [Fact]
    public async Task The_year_is_required_and_the_message_says_so()
    {
        var fleet = FleetSample.Write(_temp, entities: 1, lines: 100);
        var jobs = await CreateDatabaseAsync();

        var (exit, output) = await Bascule(jobs, "schedule", "--cron", "0 2 * * 6", "--fleet", fleet.Path);
        Assert.Equal(1, exit);
        Assert.Contains("Give either --entity KEY (one entity of the fleet file) or --all, and --year YEAR (the fiscal year, e.g. --year "
            + "2023) or --years FIRST-LAST.", output, StringComparison.Ordinal);

        (exit, output) = await Bascule(jobs, "schedule", "--entity", fleet.Entities[0].Key, "--cron", "0 2 * * 6", "--fleet", fleet.Path);
        Assert.Equal(1, exit);
        Assert.Contains("--year is required", output, StringComparison.Ordinal);
        Assert.False(await HasJobSchemaAsync(jobs));
    }

    [Theory]
    [InlineData(new[] { "schedule" }, "Say what to do")]
    [InlineData(new[] { "schedule", "--list", "--remove", "x" }, "Give one of --cron, --list and --remove, not several.")]
    [InlineData(
        new[] { "schedule", "--list", "--year", "2023" },
        "--list shows every recurring job: give it without --entity, --all or --year.")]
    [InlineData(new[] { "schedule", "--remove", "x", "--all", "--year", "2023" }, "--remove x names one recurring job")]
    [InlineData(new[] { "schedule", "--remove", "--year", "2023" }, "Give either --entity KEY (one entity of the fleet file) or --all.")]
    [InlineData(new[] { "schedule", "--all", "--year", "2023", "--cron", "0 2 * * 6", "--format", "json" }, "--format goes with --list.")]
    public async Task Options_that_do_not_go_together_are_refused_with_exit_code_1(string[] args, string message)
    {
        var (exit, output) = await CliRun.RunAsync([.. args, "--jobs-storage", "postgres", "--jobs-connection", "Host=127.0.0.1;Port=1"]);

        Assert.Equal(1, exit);
        Assert.Contains(message, output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> CreateDatabaseAsync()
    {
        server.SkipIfUnavailable();
        return await server.CreateDatabaseAsync();
    }

    private static string Rehearsal(string entity) => $"rehearsal:{entity}:2023";

    private static List<string> RecurringIds(string jobs)
    {
        using var connection = JobStorages.Create(JobStorages.Postgres, jobs).GetConnection();
        return connection.GetRecurringJobs().Select(r => r.Id).Order(StringComparer.Ordinal).ToList();
    }

    // Hangfire.PostgreSql creates its schema the first time a storage object is made over the database.
    private static async Task<bool> HasJobSchemaAsync(string jobs)
    {
        await using var connection = new NpgsqlConnection(jobs);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name = 'hangfire'",
            connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0;
    }

    private static Task<(int Exit, string Output)> Bascule(string jobs, params string[] args) =>
        CliRun.RunAsync([.. args, "--jobs-storage", "postgres", "--jobs-connection", jobs]);
}
