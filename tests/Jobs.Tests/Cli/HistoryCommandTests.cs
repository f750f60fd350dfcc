using System.Text.Json;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli;

/// <summary><c>bascule history</c> on the two committed consecutive years of the commune, migrated by the real <c>bascule migrate</c>,
/// newest first. Run once per provider.</summary>
public abstract class HistoryCommandTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    [Fact]
    public async Task Two_consecutive_years_migrated_out_of_order_show_as_one_continuous_history()
    {
        var connection = await CreateConnectionAsync();
        await MigrateAsync(connection, "commune-etterbeek-2023");
        var (completing, output, _) = await CliStreams.RunAsync(
            "migrate", "--export", RepositoryRoot.Combine(
                "samples",
                "commune-etterbeek-2022"), "--mapping", Mapping, "--provider", Provider, "--connection", connection, "--out", Temp.Combine(
                    "out-2022"));
        Assert.Equal(0, completing);
        // The run that completes the pair says so.
        Assert.Contains("continuity 2022-2023: OK", output, StringComparison.Ordinal);

        var (exit, text, _) = await CliStreams.RunAsync(
            "history",
            "--ins",
            "21005",
            "--entity-type",
            "COMMUNE",
            "--provider",
            Provider,
            "--connection",
            connection,
            "--out",
            Temp.Combine("history"));

        Assert.Equal(0, exit);
        Assert.Contains("2022-2023 OK", text, StringComparison.Ordinal);
        Assert.True(File.Exists(Temp.Combine("history", "history.html")));
        Assert.True(File.Exists(Temp.Combine("history", "history.xlsx")));

        var (jsonExit, json, _) = await CliStreams.RunAsync(
            "history",
            "--ins",
            "21005",
            "--entity-type",
            "commune",
            "--provider",
            Provider,
            "--connection",
            connection,
            "--out",
            Temp.Combine("history"),
            "--format",
            "json");
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("OK", document.RootElement.GetProperty("continuityStatus").GetString());
        Assert.Equal(
            [2022, 2023],
            document.RootElement.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("fiscalYear").GetInt32()));
        var pair = Assert.Single(document.RootElement.GetProperty("continuity").EnumerateArray());
        Assert.Equal("OK", pair.GetProperty("status").GetString());
        Assert.Equal("1000000", pair.GetProperty("legacyAccounts").GetProperty("resultAllocation").GetProperty("account").GetString());
    }

    [Fact]
    public async Task The_history_of_a_run_is_its_entitys()
    {
        var connection = await CreateConnectionAsync();
        var run = await MigrateAsync(connection, "cpas-etterbeek-2023");

        var (exit, text, _) = await CliStreams.RunAsync(
            "history",
            "--run",
            run,
            "--provider",
            Provider,
            "--connection",
            connection,
            "--out",
            Temp.Combine("history"));

        Assert.Equal(0, exit);
        Assert.Contains("CPAS d'Etterbeek (CPAS 21005), 2023-2023", text, StringComparison.Ordinal);
    }

    private async Task<string> MigrateAsync(string connection, string sample)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", RepositoryRoot.Combine(
                "samples",
                sample), "--mapping", Mapping, "--provider", Provider, "--connection", connection, "--out", Temp.Combine("out-" + sample));
        Assert.True(exit == 0, stdout + stderr);
        var (_, runs, _) = await CliStreams.RunAsync("runs", "--provider", Provider, "--connection", connection, "--format", "json");
        using var json = JsonDocument.Parse(runs);
        return json.RootElement[0].GetProperty("runId").GetString()!;
    }
}

public sealed class SqliteHistoryCommandTests(SqliteDatabase database) : HistoryCommandTests<SqliteDatabase>(database);

public sealed class PostgresHistoryCommandTests(PostgresDatabase database) : HistoryCommandTests<PostgresDatabase>(database);

public sealed class SqlServerHistoryCommandTests(SqlServerDatabase database) : HistoryCommandTests<SqlServerDatabase>(database);
