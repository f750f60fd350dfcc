using System.Text.Json;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// A real staging database of one provider with two runs of the commune sample, migrated by the real
/// <c>bascule migrate</c>: run A with the shipped mapping, run B with the <see cref="Cli.ChangedMapping"/> copy. Where the
/// provider cannot be had here, nothing is migrated and a test that asks for the database is skipped with the reason.
/// </summary>
public abstract class MigratedRuns(StagingDatabase database) : IAsyncLifetime
{
    public static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");
    public static readonly string Commune = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");

    private readonly ChangedMapping _changed = new();
    private string _connection = "";

    public TempDirectory Temp => _changed.Temp;

    public string ChangedMapping => _changed.Version;

    /// <summary>The provider's name as <c>--provider</c> takes it.</summary>
    public string Provider => database.Provider;

    /// <summary>The database holding both runs, as <c>--connection</c> takes it.</summary>
    public string Connection
    {
        get
        {
            database.SkipIfUnavailable();
            return _connection;
        }
    }

    public string RunA { get; private set; } = "";

    public string RunB { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await _changed.InitializeAsync();
        if (database.SkipReason is not null)
        {
            return;
        }

        _connection = await database.CreateAsync();
        RunA = await MigrateAsync(Mapping, "out-a");
        RunB = await MigrateAsync(ChangedMapping, "out-b");
    }

    public async ValueTask DisposeAsync()
    {
        await _changed.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private async Task<string> MigrateAsync(string mapping, string outDir)
    {
        var (exit, stdout, stderr) = await CliStreams.RunAsync(
            "migrate", "--export", Commune, "--mapping", mapping, "--provider", Provider, "--connection", _connection, "--out", Temp
                .Combine(outDir));
        Assert.True(exit == 0, stdout + stderr);
        var (_, runs, _) = await CliStreams.RunAsync("runs", "--provider", Provider, "--connection", _connection, "--format", "json");
        using var json = JsonDocument.Parse(runs);
        return json.RootElement[0].GetProperty("runId").GetString()!;
    }
}

public sealed class SqliteMigratedRuns() : MigratedRuns(new SqliteDatabase());

public sealed class PostgresMigratedRuns(PostgresServer server) : MigratedRuns(new PostgresDatabase(server));

public sealed class SqlServerMigratedRuns(SqlServerInstance instance) : MigratedRuns(new SqlServerDatabase(instance));
