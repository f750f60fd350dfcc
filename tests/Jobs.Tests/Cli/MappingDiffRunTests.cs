using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>mapping diff --run</c> and <c>report diff</c> on real runs: the commune sample migrated by the real
/// <c>bascule migrate</c> with the shipped mapping, then with a copy without its energy rules. The euros a change moves
/// on the run's staged lines are those it moves on the export the run read (split lines counted once), and
/// <c>report diff</c> shows the euros that became unmapped. Run once per provider.
/// </summary>
public abstract class MappingDiffRunTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    [Fact]
    public async Task The_euros_moved_on_a_run_are_those_moved_on_its_export_and_report_diff_shows_them_unmapped()
    {
        var connection = await CreateConnectionAsync();
        var reduced = ReducedMapping.Create(Temp.Combine("reduced"));
        var full = await MigrateAsync(connection, ReducedMapping.Full, "full", ExitCodes.Done);

        using var onExport = await DiffAsync(ReducedMapping.Full, reduced, "--export", ReducedMapping.Commune);
        using var onRun = await DiffAsync(ReducedMapping.Full, reduced, "--run", full, "--provider", Provider, "--connection", connection);

        var exportMoves = Moves(onExport);
        Assert.NotEmpty(exportMoves);
        Assert.All(exportMoves, m => Assert.Equal("(unmapped)", m.To));
        Assert.Equal(exportMoves, Moves(onRun));
        var movements = onRun.RootElement.GetProperty("movements");
        Assert.Equal((full, JsonValueKind.Null), (movements.GetProperty("run").GetString(), movements.GetProperty("export").ValueKind));
        // The new version's findings on the run's lines are those on the export it read, first lines included.
        Assert.Equal(Findings(onExport), Findings(onRun));
        Assert.Equal("NOT_VALID", onRun.RootElement.GetProperty("newVersion").GetProperty("status").GetString());

        // Migrated with the reduced mapping, the run leaves those euros unmapped: report diff says so per account and article.
        var reducedRun = await MigrateAsync(connection, reduced, "reduced", ExitCodes.Done, ExitCodes.Failed);
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "report",
            "diff",
            full,
            reducedRun,
            "--provider",
            Provider,
            "--connection",
            connection,
            "--format",
            "json");

        Assert.True(exit == ExitCodes.Differences, stdout + stderr);
        using var report = JsonDocument.Parse(stdout);
        var unmapped = report.RootElement.GetProperty("unmapped");
        Assert.Equal(0, unmapped.GetProperty("runA").GetProperty("lines").GetInt64());
        Assert.Equal(exportMoves.Sum(m => m.Debit), unmapped.GetProperty("runB").GetProperty("debit").GetDecimal());
        Assert.Equal(exportMoves.Sum(m => m.Credit), unmapped.GetProperty("runB").GetProperty("credit").GetDecimal());
        var changes = unmapped.GetProperty("changes").EnumerateArray().ToList();
        Assert.NotEmpty(changes);
        Assert.All(
            changes,
            c => Assert.Equal(("6120000", "unmapped"), (c.GetProperty("account").GetString(), c.GetProperty("became").GetString())));
        Assert.Equal(exportMoves.Sum(m => m.Debit), changes.Sum(c => c.GetProperty("debitChange").GetDecimal()));
        Assert.Equal(unmapped.GetProperty("runB").GetProperty("lines").GetInt64(), changes.Sum(c => c.GetProperty("linesB").GetInt64()));

        // Back again, on the reduced run's lines: the same euros leave "(unmapped)" for the energy accounts.
        using var back = await DiffAsync(
            reduced,
            ReducedMapping.Full,
            "--run",
            reducedRun,
            "--provider",
            Provider,
            "--connection",
            connection);
        var backMoves = Moves(back);
        Assert.All(backMoves, m => Assert.Equal("(unmapped)", m.From));
        Assert.Equal(exportMoves.Select(m => (m.From, m.To, m.Debit, m.Credit)), backMoves.Select(m => (m.To, m.From, m.Debit, m.Credit)));
        Assert.Equal("VALID", back.RootElement.GetProperty("newVersion").GetProperty("status").GetString());

        var (textExit, text, _) = await CliStreams.RunAsync(
            "report",
            "diff",
            full,
            reducedRun,
            "--provider",
            Provider,
            "--connection",
            connection);
        Assert.Equal(ExitCodes.Differences, textExit);
        Assert.Contains($"Unmapped: run A 0 line(s), debit 0,00, credit 0,00; run B "
            + $"{Figures.Count(unmapped.GetProperty("runB").GetProperty("lines").GetInt64())} line(s), debit "
                + $"{Figures.Amount(exportMoves.Sum(m => m.Debit))}", text, StringComparison.Ordinal);
        Assert.Contains(
            $"0 legacy account/article(s) became mapped, {changes.Count} became unmapped, 0 changed.",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_the_database_does_not_hold_is_named_and_exits_1()
    {
        const string Unknown = "01936f8e-8c2a-7c41-9d2e-5b1f3a7c9e10";
        var connection = await CreateConnectionAsync();

        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "mapping", "diff", ReducedMapping.Full, ReducedMapping
                .Full, "--run", Unknown, "--provider", Provider, "--connection", connection, "--format", "json");

        Assert.Equal(ExitCodes.CouldNotComplete, exit);
        Assert.Equal("", stdout);
        Assert.Contains($"Run {Unknown} is not in the staging database", stderr, StringComparison.Ordinal);
        Assert.Contains("bascule runs", stderr, StringComparison.Ordinal);
    }

    private async Task<string> MigrateAsync(string connection, string mapping, string name, params int[] expected)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", ReducedMapping
                .Commune, "--mapping", mapping, "--provider", Provider, "--connection", connection, "--out", Temp.Combine("out-" + name));
        Assert.True(expected.Contains(exit), stdout + stderr);
        var (_, runs, _) = await CliStreams.RunAsync("runs", "--provider", Provider, "--connection", connection, "--format", "json");
        using var json = JsonDocument.Parse(runs);
        return json.RootElement[0].GetProperty("runId").GetString()!;
    }

    private static async Task<JsonDocument> DiffAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(["mapping", "diff", .. args, "--format", "json"]);
        Assert.True(exit == ExitCodes.Differences, stdout + stderr);
        return JsonDocument.Parse(stdout);
    }

    private static List<(string From, string To, long Lines, decimal Debit, decimal Credit)> Moves(JsonDocument diff) =>
        [.. diff.RootElement.GetProperty("movements").GetProperty("moves").EnumerateArray()
            .Select(m => (m.GetProperty("from").GetString()!, m.GetProperty("to").GetString()!, m.GetProperty("lines").GetInt64(), m
                .GetProperty("debit")
                .GetDecimal(), m.GetProperty("credit").GetDecimal()))];

    private static List<string> Findings(JsonDocument diff) =>
        [.. diff.RootElement.GetProperty("newVersion").GetProperty("findings").EnumerateArray().Select(f => f.GetRawText())];
}

public sealed class SqliteMappingDiffRunTests(SqliteDatabase database) : MappingDiffRunTests<SqliteDatabase>(database);

public sealed class PostgresMappingDiffRunTests(PostgresDatabase database) : MappingDiffRunTests<PostgresDatabase>(database);

public sealed class SqlServerMappingDiffRunTests(SqlServerDatabase database) : MappingDiffRunTests<SqlServerDatabase>(database);
