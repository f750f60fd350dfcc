using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers.Postgres;
using Bascule.Load.Runs;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// Connections of a PostgreSQL load terminated with <c>pg_terminate_backend</c>: inside batches (retried, the run
/// publishes the same content as a clean run) and at steps that are not retried (the run fails cleanly, the published
/// run stays as it was, and a re-run publishes).
/// </summary>
public sealed class PostgresTerminationTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private const int Seed = 20_260_808;

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Backends_terminated_at_seeded_random_points_of_the_batches_are_retried_and_the_run_publishes()
    {
        var connection = await server.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connection);
        var entity = TestEntity.Generate(_temp, "21001", lines: 3_000);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        var ct = TestContext.Current.CancellationToken;

        // Seeded: which batches meet a fault and where in the batch it lands (before its transaction or inside its COPY).
        var random = new Random(Seed);
        var faults = Enumerable.Range(1, 6).OrderBy(_ => random.Next()).Take(3)
            .ToDictionary(batch => batch, _ => random.Next(2) == 0 ? "before the transaction" : "inside the COPY");
        var watchers = new List<Task<int>>();
        var options = new StagingOptions
        {
            BatchSize = 400,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            BeforeBatchWrite = async (attempt, token) =>
            {
                if (attempt.Attempt != 1 || !faults.TryGetValue(attempt.Batch, out var where))
                {
                    return;
                }

                var pid = ((NpgsqlConnection)attempt.Connection).ProcessID;
                if (where == "before the transaction")
                {
                    await PostgresFaults.TerminateAsync(connection, pid, token);
                    return;
                }

                // The batch's COPY blocks on a lock held by the test; the blocked backend is terminated, then the lock released.
                var held = await PostgresFaults.HoldAsync(connection, "LOCK TABLE staged_lines IN ACCESS EXCLUSIVE MODE");
                lock (watchers)
                {
                    watchers.Add(Task.Run(async () =>
                    {
                        await using (held)
                        {
                            return await PostgresFaults.TerminateLockWaiterAsync(connection, "COPY staged_lines", ct);
                        }
                    }, ct));
                }
            },
        };

        var result = await Migrations.RunAsync(provider, entity, _temp, options, ct);
        await Task.WhenAll(watchers);
        Tally.FaultInjected(faults.Count);

        Assert.True(result.Retries >= faults.Count, $"{faults.Count} faults were injected but only {result.Retries} retries happened");
        Assert.Equal(reference.TotalRows, result.RowsWritten);
        Invariant.OneCompleteRun(await PublishedState.ReadAsync(provider, entity), reference);
        Tally.RunRecovered();
        output.WriteLine(
            $"postgres terminate (seed {Seed}): faults at {string.Join(", ", faults.Select(f => $"batch {f.Key} {f.Value}"))}; " +
            $"{result.Retries} retries; published {result.RunId}, fingerprint equals the clean reference, {result.RowsWritten} rows");
    }

    [Theory]
    [InlineData("recording the source files")]
    [InlineData("fingerprint")]
    [InlineData("publish")]
    public async Task A_backend_terminated_at_a_step_that_is_not_retried_fails_the_run_cleanly_and_a_re_run_publishes(string point)
    {
        var connection = await server.CreateDatabaseAsync();
        await using var provider = new PostgresStagingProvider(connection);
        var entity = TestEntity.Generate(_temp, "21002", lines: 2_000, seed: 2);
        var reference = await Migrations.ReferenceAsync(entity, _temp);
        var ct = TestContext.Current.CancellationToken;
        await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var before = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(before, reference);

        Task<MigrationResult> migration;
        int terminated;
        switch (point)
        {
            case "recording the source files":
            {
                await using var files = await PostgresFaults.HoldAsync(connection, "LOCK TABLE run_files IN ACCESS EXCLUSIVE MODE");
                migration = Task.Run(() => Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct), ct);
                terminated = await PostgresFaults.TerminateLockWaiterAsync(connection, "DELETE FROM run_files", ct);
                break;
            }

            case "fingerprint":
            {
                // run_files is written right after the last batch: once the run waits there, every batch is committed and
                // staged_lines can be locked; released, the run goes on to the fingerprint, which reads staged_lines first.
                var files = await PostgresFaults.HoldAsync(connection, "LOCK TABLE run_files IN ACCESS EXCLUSIVE MODE");
                migration = Task.Run(() => Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct), ct);
                await PostgresFaults.WaitForLockWaiterAsync(connection, "DELETE FROM run_files", ct);
                await using var staged = await PostgresFaults.HoldAsync(connection, "LOCK TABLE staged_lines IN ACCESS EXCLUSIVE MODE");
                await files.DisposeAsync();
                terminated = await PostgresFaults.TerminateLockWaiterAsync(connection, "FROM staged_lines", ct);
                break;
            }

            default:
            {
                // Publishing supersedes the published run first: the test holds that row, so the publish waits inside its transaction.
                await using var row = await PostgresFaults.HoldAsync(
                    connection,
                    "SELECT 1 FROM runs WHERE run_id = @run FOR UPDATE",
                    new { run = before.RunId });
                migration = Task.Run(() => Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct), ct);
                terminated = await PostgresFaults.TerminateLockWaiterAsync(connection, "SET status = 'superseded'", ct);
                break;
            }
        }

        var error = await Assert.ThrowsAsync<MigrationFailedException>(() => migration);
        Tally.FaultInjected();
        var after = await PublishedState.ReadAsync(provider, entity);
        Invariant.Unchanged(before, after);
        var failed = Assert.Single(after.Runs, r => r.Status == RunStatus.Failed);
        Assert.Equal(0, after.FailedRunRows);
        Assert.Contains("not published", error.Message, StringComparison.Ordinal);
        Assert.Contains(
            point switch { "fingerprint" => "while computing the fingerprint", "publish" => "while publishing", _ => "while " + point },
            error.Message,
            StringComparison.Ordinal);
        Tally.RunUnchanged();

        var rerun = await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct);
        var final = await PublishedState.ReadAsync(provider, entity);
        Invariant.OneCompleteRun(final, reference);
        Assert.Equal(rerun.RunId.Value, final.RunId);
        Tally.RunRecovered();
        output.WriteLine(
            $"postgres terminate at {point}: backend {terminated} terminated; run {failed.Id} failed cleanly "
                + $"(\"{Shorten(error.Message)}\"), " +
            $"published run {before.RunId} unchanged; re-run {rerun.RunId} published, fingerprint equals the clean reference");
    }

    public void Dispose() => _temp.Dispose();

    private static string Shorten(string message) => message.Length <= 160 ? message : message[..160] + "…";
}
