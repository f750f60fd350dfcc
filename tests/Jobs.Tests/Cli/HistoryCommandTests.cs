using System.Text.Json;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary><c>bascule history</c> on the two committed consecutive years of the commune, migrated by the real <c>bascule migrate</c>, newest first.</summary>
public sealed class HistoryCommandTests : IDisposable
{
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private readonly TempDirectory _temp = new();

    private string Database => _temp.Combine("staging.db");

    [Fact]
    public async Task Two_consecutive_years_migrated_out_of_order_show_as_one_continuous_history()
    {
        await MigrateAsync("commune-etterbeek-2023");
        var (completing, output, _) = await CliStreams.RunAsync("migrate", "--export", RepositoryRoot.Combine("samples", "commune-etterbeek-2022"), "--mapping", Mapping, "--connection", Database, "--out", _temp.Combine("out-2022"));
        Assert.Equal(0, completing);
        // The run that completes the pair says so.
        Assert.Contains("continuity 2022-2023: OK", output, StringComparison.Ordinal);

        var (exit, text, _) = await CliStreams.RunAsync("history", "--ins", "21005", "--entity-type", "COMMUNE", "--connection", Database, "--out", _temp.Combine("history"));

        Assert.Equal(0, exit);
        Assert.Contains("2022-2023 OK", text, StringComparison.Ordinal);
        Assert.True(File.Exists(_temp.Combine("history", "history.html")));
        Assert.True(File.Exists(_temp.Combine("history", "history.xlsx")));

        var (jsonExit, json, _) = await CliStreams.RunAsync("history", "--ins", "21005", "--entity-type", "commune", "--connection", Database, "--out", _temp.Combine("history"), "--format", "json");
        Assert.Equal(0, jsonExit);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("OK", document.RootElement.GetProperty("continuityStatus").GetString());
        Assert.Equal([2022, 2023], document.RootElement.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("fiscalYear").GetInt32()));
        var pair = Assert.Single(document.RootElement.GetProperty("continuity").EnumerateArray());
        Assert.Equal("OK", pair.GetProperty("status").GetString());
        Assert.Equal("1000000", pair.GetProperty("legacyAccounts").GetProperty("resultAllocation").GetProperty("account").GetString());
    }

    [Fact]
    public async Task The_history_of_a_run_is_its_entitys()
    {
        var run = await MigrateAsync("cpas-etterbeek-2023");

        var (exit, text, _) = await CliStreams.RunAsync("history", "--run", run, "--connection", Database, "--out", _temp.Combine("history"));

        Assert.Equal(0, exit);
        Assert.Contains("CPAS d'Etterbeek (CPAS 21005), 2023-2023", text, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> MigrateAsync(string sample)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", RepositoryRoot.Combine("samples", sample), "--mapping", Mapping, "--connection", Database, "--out", _temp.Combine("out-" + sample));
        Assert.True(exit == 0, stdout + stderr);
        var (_, runs, _) = await CliStreams.RunAsync("runs", "--connection", Database, "--format", "json");
        using var json = JsonDocument.Parse(runs);
        return json.RootElement[0].GetProperty("runId").GetString()!;
    }
}
