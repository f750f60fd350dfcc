using System.Diagnostics;

namespace Bascule.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster in a temporary folder, on a free port of 127.0.0.1, started from the local binaries
/// (initdb/pg_ctl of Debian's <c>postgresql</c> package). A test that owns one may stop, start and restart the server
/// (same data, same port) to show what a run does when its database goes away. When run as root, the server runs as
/// the <c>postgres</c> user, since initdb refuses root. Connections are trusted unless the cluster is created with a
/// superuser password: then every login must give its role's password (SCRAM), as on a real server.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _root;
    private readonly int _port;

    private PostgresCluster(string bin, string root, int port, string? password)
    {
        _bin = bin;
        _root = root;
        _port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false"
            + (password is null ? "" : $";Password={password}");
    }

    /// <summary>Superuser connection string to the <c>postgres</c> database (with the superuser password when the cluster checks
    /// passwords).</summary>
    public string ConnectionString { get; }

    public int Port => _port;

    /// <summary>The newest <c>/usr/lib/postgresql/*/bin</c> that holds initdb, or null.</summary>
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

    /// <summary>Why a cluster cannot be made here, or null when the binaries are present.</summary>
    public static string? UnavailableReason() =>
        FindBinaries() is null
            ? "no local PostgreSQL binaries (initdb) under /usr/lib/postgresql; install Debian's postgresql package"
            : null;

    /// <summary>
    /// Creates a new cluster with initdb and starts it: trusting every connection, or, given <paramref name="superuserPassword"/>,
    /// asking every login for its password (SCRAM), the superuser's being that one.
    /// </summary>
    public static async Task<PostgresCluster> CreateAsync(string? bin = null, string? superuserPassword = null)
    {
        bin ??= FindBinaries() ?? throw new InvalidOperationException(UnavailableReason());
        var root = Path.Combine(Path.GetTempPath(), "bascule-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        var cluster = new PostgresCluster(bin, root, LoopbackPort.Free(), superuserPassword);
        try
        {
            // initdb refuses to run as root: hand the folder to the postgres user.
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
            }

            string[] authentication = ["-A", "trust"];
            if (superuserPassword is not null)
            {
                var passwordFile = Path.Combine(root, "superuser-password");
                await File.WriteAllTextAsync(passwordFile, superuserPassword + "\n");
                if (Environment.UserName == "root")
                {
                    await RunAsync("chown", ["postgres:postgres", passwordFile], asPostgres: false);
                }

                authentication = ["-A", "scram-sha-256", "--pwfile", passwordFile];
            }

            await RunAsync(
                Path.Combine(bin, "initdb"),
                ["-D", cluster.DataFolder, "-U", "postgres", .. authentication, "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
            if (superuserPassword is not null)
            {
                File.Delete(Path.Combine(root, "superuser-password"));
            }

            await cluster.StartAsync();
            return cluster;
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    private string DataFolder => Path.Combine(_root, "data");

    /// <summary>Starts the server and waits until it accepts connections.</summary>
    public Task StartAsync() =>
        RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_root, "server.log"), "-w", "-t", "30",
            "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_root} -c fsync=off -c max_connections=200", "start"]);

    /// <summary>Stops the server at once (<c>immediate</c>: every connection is cut, as in a crash) and waits until it is down.</summary>
    public Task StopAsync() => RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"]);

    /// <summary>Stops the server, stays down for <paramref name="outage"/>, and starts it again.</summary>
    public async Task RestartAsync(TimeSpan outage)
    {
        await StopAsync();
        await Task.Delay(outage);
        await StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
            {
                await StopAsync();
            }
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
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
