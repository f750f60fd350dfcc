using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Pipeline;
using Bascule.Load;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli;

/// <summary><c>bascule report</c> regenerating the reports of a run whose export needed a profile. Run once per provider.</summary>
public abstract class ReportCommandTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    private static readonly string Variant = RepositoryRoot.Combine("tests", "Extract.Tests", "Files", "variant-export");
    private static readonly string Profile = RepositoryRoot.Combine("profiles", "civadis-v7-signed.json");

    [Fact]
    public async Task A_variant_export_is_reconciled_again_through_its_profile()
    {
        var connection = await CreateConnectionAsync();
        var run = await MigrateVariantAsync(connection);
        var outDir = Temp.Combine("again");

        var exit = await BasculeApp.Create().RunAsync(["report", "--run", run, "--provider", Provider, "--connection", connection,
            "--export", Variant, "--profile", Profile, "--out", outDir], TestContext.Current.CancellationToken);

        Assert.NotEqual(1, exit);
        using var json = JsonDocument.Parse(
            await File.ReadAllTextAsync(Path.Combine(outDir, "reconciliation.json"), TestContext.Current.CancellationToken));
        Assert.Equal(run, json.RootElement.GetProperty("runId").GetString());
        Assert.True(File.Exists(Path.Combine(outDir, "reconciliation.html")));
    }

    [Fact]
    public async Task A_variant_export_without_its_profile_cannot_be_reconciled()
    {
        var connection = await CreateConnectionAsync();
        var run = await MigrateVariantAsync(connection);
        var outDir = Temp.Combine("refused");

        var exit = await BasculeApp.Create().RunAsync(
            ["report", "--run", run, "--provider", Provider, "--connection", connection, "--export", Variant, "--out", outDir],
            TestContext.Current.CancellationToken);

        Assert.Equal(1, exit);
        Assert.False(File.Exists(Path.Combine(outDir, "reconciliation.json")));
    }

    private async Task<string> MigrateVariantAsync(string connection)
    {
        await using var provider = Open(connection);
        var request = new MigrationRequest(
            Variant,
            RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0"),
            Temp.Combine("first"),
            Temp.Path,
            new StagingOptions(),
            Profile);
        return (await new MigrationPipeline(provider).RunAsync(request, TestContext.Current.CancellationToken)).RunId.Value;
    }
}

public sealed class SqliteReportCommandTests(SqliteDatabase database) : ReportCommandTests<SqliteDatabase>(database);

public sealed class PostgresReportCommandTests(PostgresDatabase database) : ReportCommandTests<PostgresDatabase>(database);

public sealed class SqlServerReportCommandTests(SqlServerDatabase database) : ReportCommandTests<SqlServerDatabase>(database);
