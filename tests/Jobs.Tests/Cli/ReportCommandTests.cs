using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.Load.Providers.Sqlite;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary><c>bascule report</c> regenerating the reports of a run whose export needed a profile.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private static readonly string Variant = RepositoryRoot.Combine("tests", "Extract.Tests", "Files", "variant-export");
    private static readonly string Profile = RepositoryRoot.Combine("profiles", "civadis-v7-signed.json");

    private readonly TempDirectory _temp = new();

    private string Database => _temp.Combine("staging.db");

    [Fact]
    public async Task A_variant_export_is_reconciled_again_through_its_profile()
    {
        var run = await MigrateVariantAsync();
        var outDir = _temp.Combine("again");

        var exit = await BasculeApp.Create().RunAsync(["report", "--run", run, "--connection", Database, "--export", Variant, "--profile", Profile, "--out", outDir], TestContext.Current.CancellationToken);

        Assert.NotEqual(1, exit);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(outDir, "reconciliation.json"), TestContext.Current.CancellationToken));
        Assert.Equal(run, json.RootElement.GetProperty("runId").GetString());
        Assert.True(File.Exists(Path.Combine(outDir, "reconciliation.html")));
    }

    [Fact]
    public async Task A_variant_export_without_its_profile_cannot_be_reconciled()
    {
        var run = await MigrateVariantAsync();
        var outDir = _temp.Combine("refused");

        var exit = await BasculeApp.Create().RunAsync(["report", "--run", run, "--connection", Database, "--export", Variant, "--out", outDir], TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(outDir, "reconciliation.json")));
    }

    public void Dispose() => _temp.Dispose();

    private async Task<string> MigrateVariantAsync()
    {
        await using var provider = new SqliteStagingProvider(SqliteStagingProvider.ConnectionStringFor(Database, _temp.Path));
        var request = new MigrationRequest(Variant, RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"), _temp.Combine("first"), _temp.Path, new StagingOptions(), Profile);
        return (await new MigrationPipeline(provider).RunAsync(request, TestContext.Current.CancellationToken)).RunId.Value;
    }
}
