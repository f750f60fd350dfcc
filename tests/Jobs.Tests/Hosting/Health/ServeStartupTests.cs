using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Jobs.Tests.Hosting.Health;

/// <summary>
/// <c>bascule serve</c> as a real process, started against databases it cannot use: it exits 1 with one message naming
/// which one and why, and no password, instead of hanging or starting and answering 500.
/// </summary>
public sealed class ServeStartupTests(PasswordCluster postgres) : IClassFixture<PasswordCluster>, IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task A_job_storage_with_a_wrong_password_stops_serve_naming_it()
    {
        var wrong = postgres.Connection("jobs", PasswordCluster.WrongPassword);

        var (exit, output) = await ServeAsync("--jobs-storage", "postgres", "--jobs-connection", wrong);

        Assert.Equal(1, exit);
        Assert.StartsWith("The job storage (postgres ", output, StringComparison.Ordinal);
        Assert.Contains(
            "could not be used: 28P01: password authentication failed for user \"postgres\". Check --jobs-storage and --jobs-connection",
            output,
            StringComparison.Ordinal);
        AssertClean(output);
    }

    [Fact]
    public async Task A_staging_database_with_a_wrong_password_stops_serve_naming_it()
    {
        var wrong = postgres.Connection("staging", PasswordCluster.WrongPassword);

        var (exit, output) = await ServeAsync("--provider", "postgres", "--connection", wrong);

        Assert.Equal(1, exit);
        Assert.StartsWith("The staging database ", output, StringComparison.Ordinal);
        Assert.Contains(
            "could not be used: 28P01: password authentication failed for user \"postgres\". Check --provider and --connection",
            output,
            StringComparison.Ordinal);
        AssertClean(output);
    }

    [Fact]
    public async Task A_staging_database_that_does_not_exist_stops_serve_naming_it()
    {
        var (exit, output) = await ServeAsync(
            "--provider",
            "postgres",
            "--connection",
            postgres.Connection("no_such_database", PasswordCluster.Password));

        Assert.Equal(1, exit);
        Assert.Contains("The staging database ", output, StringComparison.Ordinal);
        Assert.Contains("3D000: database \"no_such_database\" does not exist", output, StringComparison.Ordinal);
        AssertClean(output);
    }

    [Fact]
    public async Task A_job_storage_that_never_answers_stops_serve_when_its_time_is_up_as_a_json_line()
    {
        // A port that accepts connections and never says a word, as a server that hangs: kept by this test, so no other
        // test can take it meanwhile. Each attempt times out, and serve tries again until its budget is spent.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        var nowhere = new NpgsqlConnectionStringBuilder {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Password = PasswordCluster.Password,
            Database = "jobs",
            Timeout = 5 }.ConnectionString;

        var (exit, output) = await ServeAsync("--jobs-storage", "postgres", "--jobs-connection", nowhere, "--log-format", "json");

        Assert.Equal(1, exit);
        var line = JsonDocument.Parse(output).RootElement;
        Assert.Equal("FATAL", line.GetProperty("level").GetString());
        Assert.StartsWith(
            $"Still failing after 25 s. The job storage (postgres host=127.0.0.1;port={port};database=jobs;timeout=5) could not be used: ",
            line.GetProperty("message").GetString(),
            StringComparison.Ordinal);
        AssertClean(output);
    }

    public void Dispose() => _temp.Dispose();

    private static void AssertClean(string output)
    {
        Assert.DoesNotContain(PasswordCluster.Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain(PasswordCluster.WrongPassword, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output)> ServeAsync(params string[] args)
    {
        using var serve = CliProcess.Start(_temp.Path, ["serve", "--urls", "http://127.0.0.1:0", .. args]);
        var exit = await serve.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (exit, serve.Output.Trim());
    }
}

/// <summary>A throwaway PostgreSQL cluster that checks passwords, with the databases <c>jobs</c> and <c>staging</c>.</summary>
public sealed class PasswordCluster : IAsyncLifetime
{
    public const string Password = "Cl3ar-Only-Here!";
    public const string WrongPassword = "Not-The-Password-9";

    private PostgresCluster? _cluster;

    public string Connection(string database, string password) =>
        new NpgsqlConnectionStringBuilder {
            Host = "127.0.0.1",
            Port = _cluster!.Port,
            Username = "postgres",
            Password = password,
            Database = database }.ConnectionString;

    public async ValueTask InitializeAsync()
    {
        if (PostgresCluster.UnavailableReason() is { } reason)
        {
            Assert.Skip(reason);
        }

        _cluster = await PostgresCluster.CreateAsync(superuserPassword: Password);
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync();
        foreach (var database in (string[])["jobs", "staging"])
        {
            // A database name cannot be a parameter; these are fixed words.
#pragma warning disable CA2100
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
