using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Testcontainers.PostgreSql;
using Xunit;

namespace Bascule.TestSupport;

/// <summary>
/// A real PostgreSQL server for the tests of one assembly. In order of preference: the connection
/// string in <c>BASCULE_TEST_POSTGRES</c>; a throwaway cluster started from the local PostgreSQL
/// binaries (initdb/pg_ctl); a Testcontainers container when a Docker engine answers. When none of
/// these is available, tests that need it are skipped with a reason that says what was missing.
/// Each test asks for its own database, so tests never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "BASCULE_TEST_POSTGRES";

    private string? _adminConnectionString;
    private string? _skipReason;
    private LocalCluster? _cluster;
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
        var binaries = LocalCluster.FindBinaries();
        if (binaries is null)
        {
            reasons.Add("no local PostgreSQL binaries (initdb) under /usr/lib/postgresql");
        }
        else
        {
            try
            {
                _cluster = await LocalCluster.StartAsync(binaries);
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
        catch (Exception ex) when (ex.GetType().Name.Contains("Docker", StringComparison.Ordinal) || ex is InvalidOperationException or TimeoutException)
        {
            reasons.Add($"no Docker engine for Testcontainers ({ex.GetType().Name})");
            _skipReason = "PostgreSQL unavailable: " + string.Join("; ", reasons) + ".";
        }
    }

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

    /// <summary>A PostgreSQL cluster in a temporary folder, on a free port of 127.0.0.1.</summary>
    private sealed class LocalCluster : IAsyncDisposable
    {
        private readonly string _bin;
        private readonly string _root;

        private LocalCluster(string bin, string root, int port)
        {
            _bin = bin;
            _root = root;
            ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false";
        }

        public string ConnectionString { get; }

        public static string? FindBinaries()
        {
            const string root = "/usr/lib/postgresql";
            if (!Directory.Exists(root))
            {
                return null;
            }

            return Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0))
                .FirstOrDefault();
        }

        public static async Task<LocalCluster> StartAsync(string bin)
        {
            var root = Path.Combine(Path.GetTempPath(), "bascule-pg-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(root);
            var port = FreePort();
            var cluster = new LocalCluster(bin, root, port);
            // initdb refuses to run as root: hand the folder to the postgres user.
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
            }

            await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(root, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(root, "data"), "-l", Path.Combine(root, "server.log"), "-w", "-t", "30",
                "-o", $"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c max_connections=200", "start"]);
            return cluster;
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_root, "data"), "-m", "immediate", "-w", "stop"]);
            }
            finally
            {
                Directory.Delete(_root, recursive: true);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static async Task RunAsync(string file, IReadOnlyList<string> args, bool asPostgres = true)
        {
            var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
            if (asPostgres && Environment.UserName == "root")
            {
                start.FileName = "runuser";
                foreach (var a in (string[])["-u", "postgres", "--", file])
                {
                    start.ArgumentList.Add(a);
                }
            }
            else
            {
                start.FileName = file;
            }

            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{Path.GetFileName(file)} exited with {process.ExitCode}: {(await stderr).Trim()}");
            }
        }
    }
}
