using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// Runs the real <c>bascule</c> program with connection strings that carry a known, unique password, on success and on
/// failure, and searches everything a user or an auditor sees for the password and for the whole connection string:
/// standard output and error, every file written under the output folders (reports, Excel entries, the SQLite file),
/// and the text of the staging database's runs tables.
/// </summary>
public sealed class SecretLeakTests(PostgresServer postgres) : IDisposable
{
    private static readonly string Export = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");
    private static readonly string Mapping = RepositoryRoot.Combine("mappings", "bxl-2024", "1.0.0");

    private readonly TempDirectory _temp = new();
    private readonly string _password = "Pw-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_PostgreSQL_run_with_a_password_shows_it_nowhere()
    {
        var database = await postgres.CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(database) { Password = _password }.ConnectionString;
        var leaks = new Leaks(_password, connection);
        var outDir = _temp.Combine("migrate-out");

        var migrate = await Cli.RunAsync(_temp.Path, null,
            "migrate", "--provider", "postgres", "--connection", connection, "--export", Export, "--mapping", Mapping, "--out", outDir,
            "--batch-size", "1000");
        Assert.True(migrate.ExitCode != 1, migrate.ToString());

        // The connection also comes from the environment, as an operator would configure it.
        var settings = new Dictionary<string, string> {
            ["BASCULE_STAGING__PROVIDER"] = "postgres",
            ["BASCULE_STAGING__CONNECTION"] = connection };
        var runs = await Cli.RunAsync(_temp.Path, settings, "runs", "--format", "json");
        Assert.True(runs.ExitCode == 0, runs.ToString());
        var runId = Assert.Single(JsonDocument.Parse(runs.StandardOutput).RootElement.EnumerateArray()).GetProperty("runId").GetString()!;
        var runsText = await Cli.RunAsync(_temp.Path, settings, "runs");
        var report = await Cli.RunAsync(_temp.Path, null,
            "report", "--run", runId, "--provider", "postgres", "--connection", connection, "--export", Export, "--out", _temp.Combine(
                "report-out"));
        Assert.True(report.ExitCode != 1, report.ToString());

        foreach (var run in (CliRun[])[migrate, runs, runsText, report])
        {
            leaks.InRun(run);
        }

        leaks.InFolder(_temp.Path);
        await using (var admin = new NpgsqlConnection(database))
        {
            await admin.OpenAsync(TestContext.Current.CancellationToken);
            foreach (var table in (string[])["runs", "run_files", "schema_version"])
            {
                leaks.InText($"table {table}", await TableTextAsync(admin, table));
            }
        }

        Assert.Contains(leaks.Searched, s => s.EndsWith("reconciliation.json", StringComparison.Ordinal));
        Assert.Contains(leaks.Searched, s => s.Contains(".xlsx!", StringComparison.Ordinal));
        Assert.True(leaks.Found.Count == 0, string.Join("\n", leaks.Found));
    }

    [Fact]
    public async Task A_PostgreSQL_server_that_cannot_be_reached_is_reported_without_the_password()
    {
        postgres.SkipIfUnavailable();
        var connection = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1", Port = UnusedPort(), Database = "staging", Username = "bascule_loader", Password = _password, Timeout = 5,
        }.ConnectionString;

        await AssertFailsWithoutLeakAsync(connection);
    }

    [Fact]
    public async Task A_database_that_does_not_exist_is_reported_without_the_password()
    {
        var connection = new NpgsqlConnectionStringBuilder(postgres.AdminConnectionString)
        {
            Database = "bascule_missing_" + Guid.NewGuid().ToString("N")[..8], Password = _password,
        }.ConnectionString;

        await AssertFailsWithoutLeakAsync(connection);
    }

    [Fact]
    public async Task A_SQLite_connection_with_a_password_is_refused_without_showing_it()
    {
        // The bundled SQLite has no encryption: a Password= part cannot be honoured, so the run must stop, and say so safely.
        var connection = $"Data Source={_temp.Combine("secret.db")};Password={_password}";
        var leaks = new Leaks(_password, connection);

        var migrate = await Cli.RunAsync(_temp.Path, null, "migrate", "--connection", connection, "--export", Export, "--mapping", Mapping);
        var runs = await Cli.RunAsync(_temp.Path, null, "runs", "--connection", connection);
        Tally.FaultInjected(2);

        Assert.Equal(1, migrate.ExitCode);
        Assert.Contains("the bundled SQLite has no encryption", Flat(migrate.StandardOutput), StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("secret.db")), "the refused run created the database file");
        Assert.Equal(1, runs.ExitCode);
        leaks.InRun(migrate);
        leaks.InRun(runs);
        leaks.InFolder(_temp.Path);
        Assert.True(leaks.Found.Count == 0, string.Join("\n", leaks.Found));
        Tally.RunUnchanged();
    }

    [Fact]
    public void The_leak_scan_finds_a_wrapped_secret_and_one_inside_a_workbook()
    {
        var leaks = new Leaks(_password);
        var workbook = _temp.Combine("report.xlsx");
        using (var zip = System.IO.Compression.ZipFile.Open(workbook, System.IO.Compression.ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("xl/sharedStrings.xml").Open());
            writer.Write($"<sst><si><t>connected with {_password}</t></si></sst>");
        }

        leaks.InText("wrapped console line", $"could not connect with {_password[..10]}\n{_password[10..]} as bascule");
        leaks.InFile(workbook);
        leaks.InText("clean text", "could not connect with *** as bascule");

        Assert.Equal(2, leaks.Found.Count);
        Assert.DoesNotContain(leaks.Found, f => f.Contains(_password, StringComparison.Ordinal));
    }

    public void Dispose() => _temp.Dispose();

    // migrate, runs and report against a connection that fails: each exits 1 with a message, none shows a secret.
    private async Task AssertFailsWithoutLeakAsync(string connection)
    {
        var leaks = new Leaks(_password, connection);
        var migrate = await Cli.RunAsync(_temp.Path, null,
            "migrate", "--provider", "postgres", "--connection", connection, "--export", Export, "--mapping", Mapping, "--out", _temp
                .Combine("migrate-out"));
        var runs = await Cli.RunAsync(_temp.Path, null, "runs", "--provider", "postgres", "--connection", connection);
        var report = await Cli.RunAsync(_temp.Path, null,
            "report", "--run", Guid.CreateVersion7().ToString(), "--provider", "postgres", "--connection", connection, "--out", _temp
                .Combine("report-out"));
        Tally.FaultInjected(3);

        foreach (var run in (CliRun[])[migrate, runs, report])
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.False(string.IsNullOrWhiteSpace(run.StandardOutput + run.StandardError), $"bascule {run.Arguments[0]} failed silently");
            leaks.InRun(run);
        }

        Assert.Contains("could not start the run", Flat(migrate.StandardOutput), StringComparison.Ordinal);
        leaks.InFolder(_temp.Path);
        Assert.True(leaks.Found.Count == 0, string.Join("\n", leaks.Found));
        Assert.False(Directory.Exists(_temp.Combine("migrate-out")), "a failed run wrote reports");
        Tally.RunUnchanged();
    }

    private static async Task<string> TableTextAsync(NpgsqlConnection connection, string table)
    {
        // The table name is one of the constants above; each row as PostgreSQL's text form of a record.
#pragma warning disable CA2100
        await using var command = new NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\\n'), '') FROM {table} t", connection);
#pragma warning restore CA2100
        return (string)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    // Console output is wrapped at the terminal's width.
    private static string Flat(string text)
        => string.Join(' ', text.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
