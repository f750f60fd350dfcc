using System.Text.Json;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// A real SQLite staging file in a temporary folder with two runs of the commune sample, migrated by the real
/// <c>bascule migrate</c>: run A with the shipped mapping, run B with a copy of it whose rule B130 sends the ordinary
/// reserves (1300000) to 100000 instead of 130000.
/// </summary>
public sealed class MigratedRuns : IAsyncLifetime
{
    public static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    public static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    public TempDirectory Temp { get; } = new();

    public string Database => Temp.Combine("staging.db");

    /// <summary>The changed copy, under a mappings tree of its own (a version needs its chart beside it).</summary>
    public string ChangedMapping => Temp.Combine("changed", "mappings", "bxl-2024", "1.0.0");

    public string RunA { get; private set; } = "";

    public string RunB { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        Folders.Copy(RepositoryRoot.Combine("mappings"), Temp.Combine("changed", "mappings"));
        var rules = Path.Combine(ChangedMapping, "rules.csv");
        var text = await File.ReadAllTextAsync(rules);
        var changed = text.Replace("B130;;;1300000;;130000;", "B130;;;1300000;;100000;", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        await File.WriteAllTextAsync(rules, changed);

        RunA = await MigrateAsync(Mapping, "out-a");
        RunB = await MigrateAsync(ChangedMapping, "out-b");
    }

    public ValueTask DisposeAsync()
    {
        Temp.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<string> MigrateAsync(string mapping, string outDir)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", Commune, "--mapping", mapping, "--provider", "sqlite", "--connection", Database, "--out", Temp.Combine(outDir));
        Assert.True(exit == 0, stdout + stderr);
        var (_, runs, _) = await CliStreams.RunAsync("runs", "--provider", "sqlite", "--connection", Database, "--format", "json");
        using var json = JsonDocument.Parse(runs);
        return json.RootElement[0].GetProperty("runId").GetString()!;
    }
}
