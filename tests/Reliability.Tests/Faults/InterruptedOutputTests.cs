using Bascule.Load.Providers.Postgres;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The real <c>bascule report</c> and <c>bascule cutover</c> interrupted by a real Ctrl-C (SIGINT) while they read the
/// run, held there by a table lock the test owns on PostgreSQL: each exits 130 with one line saying what was not
/// written, and leaves no file in its output folder.
/// </summary>
public sealed class InterruptedOutputTests(PostgresServer server, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("report", "the reports of run", "were not written")]
    [InlineData("cutover", "the cut-over package of run", "was not written")]
    public async Task Interrupted_while_reading_the_run_it_exits_130_and_writes_no_file(string command, string what, string outcome)
    {
        var ct = TestContext.Current.CancellationToken;
        var connection = await server.CreateDatabaseAsync();
        var entity = TestEntity.Generate(_temp, "21061", lines: 2_000, seed: 61);
        string run;
        await using (var provider = new PostgresStagingProvider(connection))
        {
            run = (await Migrations.RunAsync(provider, entity, _temp, cancellationToken: ct)).RunId.Value;
        }

        var outDir = _temp.Combine($"{command}-out");
        int code;
        string text;
        await using (await PostgresFaults.HoldAsync(connection, "LOCK TABLE staged_lines IN ACCESS EXCLUSIVE MODE"))
        {
            using var child = CliProcess.StartInterruptible(
                _temp.Path,
                [command, "--run", run, "--out", outDir, "--provider", "postgres", "--connection", connection]);
            await PostgresFaults.WaitForLockWaiterAsync(connection, "staged_lines", ct);
            await child.SignalAsync("INT", ct);
            code = await child.WaitForExitAsync(ct);
            text = child.Output;
        }

        Tally.FaultInjected();
        var flat = CliProcess.Flat(text);
        Assert.True(code == 130, $"{command} exited with {code}, expected 130:\n{text}");
        Assert.Contains($"Interrupted by Ctrl-C (SIGINT): {what} {run} {outcome}; {outDir} is as it was.", flat, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(
            Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir, "*", SearchOption.AllDirectories).Any(),
            $"{outDir} should hold no file");
        Tally.RunUnchanged();
        output.WriteLine($"{command} interrupted while waiting on staged_lines: exit 130, nothing in {outDir}. Output:\n{text}");
    }

    public void Dispose() => _temp.Dispose();
}
