using Bascule.TestSupport;
using Npgsql;

namespace Bascule.Contract.Tests;

/// <summary>
/// The PostgreSQL staging database of the contract: a database owned by a login role whose password is
/// <see cref="Password"/>, on a server that checks passwords, so a wrong one is refused as on a real server. The server
/// is a throwaway cluster from the local PostgreSQL binaries, created with password authentication, else the one in
/// <c>BASCULE_TEST_POSTGRES</c> (an administrator's connection string; it must check passwords). Without either, the PostgreSQL contract is
/// skipped
/// with the reason.
/// </summary>
public sealed class ContractPostgres : IAsyncLifetime
{
    /// <summary>The staging account's password: no output of any case may show it.</summary>
    public const string Password = "Sup3rS3cret!";

    /// <summary>A password the server refuses: no output may show it either.</summary>
    public const string WrongPassword = "Wr0ngS3cret!";

    private readonly string _name = "bascule_contract_" + Guid.NewGuid().ToString("N")[..12];
    private PostgresCluster? _cluster;
    private string? _admin;

    /// <summary>Why the PostgreSQL contract cannot run here, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>The staging database, as the staging account (with its password).</summary>
    public string Connection { get; private set; } = "";

    /// <summary>The same with a wrong password.</summary>
    public string WrongPasswordConnection { get; private set; } = "";

    /// <summary>False when the server lets the account in whatever its password (a trusting server in BASCULE_TEST_POSTGRES).</summary>
    public bool ChecksPasswords { get; private set; }

    /// <summary>Where the server came from, for the test output.</summary>
    public string Source { get; private set; } = "none";

    public async ValueTask InitializeAsync()
    {
        // A cluster of its own first: a CI server (BASCULE_TEST_POSTGRES) usually trusts local connections, and the
        // contract needs a server that refuses a wrong password.
        if (PostgresCluster.FindBinaries() is { } binaries)
        {
            _cluster = await PostgresCluster.CreateAsync(binaries, superuserPassword: "admin-" + Guid.NewGuid().ToString("N"));
            _admin = _cluster.ConnectionString;
            Source = $"throwaway cluster from {binaries}, password authentication";
        }
        else if (Environment.GetEnvironmentVariable(PostgresServer.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            _admin = fromEnvironment;
            Source = $"environment variable {PostgresServer.EnvironmentVariable}";
        }
        else
        {
            SkipReason
                = $"PostgreSQL unavailable: {PostgresServer.EnvironmentVariable} is not set and {PostgresCluster.UnavailableReason()}.";
            return;
        }

        await using (var admin = new NpgsqlConnection(_admin))
        {
            await admin.OpenAsync();
            // Names made of a fixed prefix and hex digits, and a constant password: nothing here comes from outside.
#pragma warning disable CA2100
            foreach (var sql in (string[])[$"CREATE ROLE {_name} LOGIN PASSWORD '{Password}'", $"CREATE DATABASE {_name} OWNER {_name}"])
            {
                await using var command = new NpgsqlCommand(sql, admin);
                await command.ExecuteNonQueryAsync();
            }
#pragma warning restore CA2100
        }

        var builder = new NpgsqlConnectionStringBuilder(_admin) {
            Database = _name,
            Username = _name,
            Password = Password,
            Pooling = false };
        Connection = builder.ConnectionString;
        builder.Password = WrongPassword;
        WrongPasswordConnection = builder.ConnectionString;
        try
        {
            await using var wrong = new NpgsqlConnection(WrongPasswordConnection);
            await wrong.OpenAsync();
            ChecksPasswords = false;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            ChecksPasswords = true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
            return;
        }

        if (SkipReason is not null || string.IsNullOrWhiteSpace(_admin))
        {
            return;
        }

        await using var admin = new NpgsqlConnection(_admin);
        await admin.OpenAsync();
#pragma warning disable CA2100
        foreach (var sql in (string[])[$"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", $"DROP ROLE IF EXISTS {_name}"])
        {
            await using var command = new NpgsqlCommand(sql, admin);
            await command.ExecuteNonQueryAsync();
        }
#pragma warning restore CA2100
    }
}
