using Microsoft.Data.SqlClient;
using Testcontainers.MsSql;
using Xunit;

namespace Bascule.TestSupport;

/// <summary>
/// A real SQL Server for the tests of one assembly: the connection string in
/// <c>BASCULE_TEST_SQLSERVER</c>, else Testcontainers.MsSql when a Docker engine answers, else the
/// tests that need it are skipped with the reason.
/// </summary>
public sealed class SqlServerInstance : IAsyncLifetime
{
    public const string EnvironmentVariable = "BASCULE_TEST_SQLSERVER";

    private string? _connectionString;
    private string? _skipReason;
    private MsSqlContainer? _container;

    public async ValueTask InitializeAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            _connectionString = fromEnvironment;
            return;
        }

        try
        {
            _container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
            await _container.StartAsync();
            _connectionString = _container.GetConnectionString();
        }
        catch (Exception ex) when (ex.GetType().Name.Contains("Docker", StringComparison.Ordinal)
            || ex is InvalidOperationException or TimeoutException)
        {
            _skipReason = $"SQL Server unavailable: {EnvironmentVariable} is not set and no Docker engine answers for "
                + $"Testcontainers.MsSql ({ex.GetType().Name}).";
        }
    }

    /// <summary>Why no SQL Server could be had (what was tried), or null when one is reachable.</summary>
    public string? SkipReason => _skipReason;

    public string ConnectionString
    {
        get
        {
            if (_skipReason is not null)
            {
                Assert.Skip(_skipReason);
            }

            return _connectionString!;
        }
    }

    /// <summary>A fresh, empty database of its own for one test; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "bascule_t_" + Guid.NewGuid().ToString("N")[..16];
        await using (var master = new SqlConnection(ConnectionString))
        {
            await master.OpenAsync(TestContext.Current.CancellationToken);
            // A database name cannot be a parameter: it is quoted into the statement by the server itself.
            await using var command = master.CreateCommand();
            command.CommandText = "DECLARE @sql NVARCHAR(200) = N'CREATE DATABASE ' + QUOTENAME(@name); EXEC sp_executesql @sql;";
            command.Parameters.AddWithValue("@name", name);
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        return new SqlConnectionStringBuilder(ConnectionString) { InitialCatalog = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync();
        }
    }
}
