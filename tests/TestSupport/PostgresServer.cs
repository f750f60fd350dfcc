using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace Bascule.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests of one assembly. In order of preference: the connection
/// string in <c>BASCULE_TEST_POSTGRES</c>; a throwaway cluster started from the local PostgreSQL
/// binaries (initdb/pg_ctl, see <see cref="PostgresCluster"/>); a Testcontainers container when a Docker engine answers. When none of
/// these is available, tests that need it are skipped with a reason that says what was missing.
/// Each test asks for its own database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "BASCULE_TEST_POSTGRES";

    private string? _adminConnectionString;
    private string? _skipReason;
    private PostgresCluster? _cluster;
    private PostgreSqlContainer? _container;

    /// <summary>How the server was obtained, for the test output.</summary>
    public string Source { get; private set; } = "none";

    public async ValueTask InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _adminConnectionString = fromEnvironment;
            Source = $"environment variable {EnvironmentVariable}";
            return;
        }

        var reasons = new List<string> { $"{EnvironmentVariable} is not set" };
        var binaries = PostgresCluster.FindBinaries();
        if (binaries is null)
        {
            reasons.Add("no local PostgreSQL binaries (initdb) under /usr/lib/postgresql");
        }
        else
        {
            try
            {
                _cluster = await PostgresCluster.CreateAsync(binaries);
                _adminConnectionString = _cluster.ConnectionString;
                Source = $"throwaway cluster from {binaries}";
                return;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or System.ComponentModel.Win32Exception)
            {
                reasons.Add($"the local cluster did not start ({ex.Message})");
            }
        }

        try
        {
            _container = new PostgreSqlBuilder("postgres:16-alpine").Build();
            await _container.StartAsync();
            _adminConnectionString = _container.GetConnectionString();
            Source = "Testcontainers";
        }
        catch (Exception ex) when (ex.GetType().Name.Contains("Docker", StringComparison.Ordinal)
            || ex is InvalidOperationException or TimeoutException)
        {
            reasons.Add($"no Docker engine for Testcontainers ({ex.GetType().Name})");
            _skipReason = "PostgreSQL unavailable: " + string.Join("; ", reasons) + ".";
        }
    }

    /// <summary>Why no PostgreSQL could be had (what was tried), or null when one runs.</summary>
    public string? SkipReason => _skipReason;

    /// <summary>Skips the calling test, with the reason, when no PostgreSQL could be had.</summary>
    public void SkipIfUnavailable()
    {
        if (_skipReason is not null)
        {
            Assert.Skip(_skipReason);
        }
    }

    /// <summary>Creates an empty database for one test and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        SkipIfUnavailable();
        var name = "bascule_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(_adminConnectionString))
        {
            await connection.OpenAsync();
            // A database name cannot be a parameter; this one is made of a fixed prefix and hex digits.
#pragma warning disable CA2100
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
#pragma warning restore CA2100
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    public string AdminConnectionString
    {
        get
        {
            SkipIfUnavailable();
            return _adminConnectionString!;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
