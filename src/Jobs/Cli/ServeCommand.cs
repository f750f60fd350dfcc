using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bascule.Jobs.Hosting;
using Bascule.Jobs.Hosting.Health;
using Bascule.Jobs.Hosting.JobLog;
using Bascule.Jobs.Hosting.Security;
using Microsoft.AspNetCore.Builder;
using Bascule.Jobs.Composition;
using Bascule.Load.Providers;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule serve</c>: the Hangfire server, its dashboard and the fleet page in one process. Several serve
/// processes on different machines with the same shared job storage (postgres or sqlserver) and staging database split the fleet's jobs.
/// </summary>
public sealed class ServeCommand(
    IAnsiConsole console,
    StagingDatabases databases,
    IOptions<ServeHostOptions> serve,
    IOptions<DashboardAccessOptions> dashboard,
    IOptions<JobStorageOptions> jobs,
    IOptions<AccessOptions> access,
    IOptions<ReportsOptions> reports,
    Policies policies) : AsyncCommand<ServeCommand.Settings>
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated (default: setting Serve:Urls, else http://127.0.0.1:5080). Any non-loopback address "
            + "needs Dashboard:Users or Dashboard:Certificates; https:// needs Serve:Certificate:Path.")]
        public string? Urls { get; init; }

        [CommandOption("--workers <N>")]
        [Description("Migrations run at once by this process (default: the number of processors).")]
        public int Workers { get; init; } = Environment.ProcessorCount;

        [CommandOption("--provider <PROVIDER>")]
        [Description("Staging provider: sqlite (default), postgres or sqlserver; else setting Staging:Provider.")]
        public string? Provider { get; init; }

        [CommandOption("--connection <CONNECTION>")]
        [Description("Staging connection string, for SQLite also a file path; else setting Staging:Connection.")]
        public string? Connection { get; init; }

        [CommandOption("--jobs-storage <STORAGE>")]
        [Description("inmemory (default, this process only), postgres or sqlserver (shared by CLI and other serve processes); else "
            + "setting Jobs:Storage.")]
        public string? JobsStorage { get; init; }

        [CommandOption("--jobs-connection <CONNECTION>")]
        [Description("Connection string of the postgres or sqlserver job storage; else setting Jobs:Connection.")]
        public string? JobsConnection { get; init; }

        [CommandOption("--log-format <FORMAT>")]
        [Description("text (default): one line per entry; json: one JSON object per line (time, level, source, message; a job's event, "
            + "entity, year, job, run, attempt, durationSeconds, outcome), for log shippers.")]
        public string LogFormat { get; init; } = LogFormats.Text;

        [CommandOption("--invisibility-timeout <DURATION>")]
        [Description("How long a job of a serve process that died stays hidden before another takes it over: 30s, 5m, 1h or hh:mm:ss, "
            + "from 10 s to 24 h (default 30m); else setting Jobs:InvisibilityTimeout.")]
        public string? InvisibilityTimeout { get; init; }

        [CommandOption("--no-drill-indexes")]
        [Description(
            "Do not build the drill-down indexes of published and held runs in the background "
                + "(the drill-down works without them, slower).")]
        public bool NoDrillIndexes { get; init; }

        [CommandOption("--allowed-hosts <HOSTS>")]
        [Description("Host names browsers may use to reach this serve besides loopback and the --urls hosts, ';'-separated; else setting "
            + "Serve:AllowedHosts.")]
        public string? AllowedHosts { get; init; }

        [CommandOption("--mappings <DIR>")]
        [Description("The mappings folder holding the versions the runs used, found by their SHA-256 (the mapping page checks it still "
            + "holds the recorded one). Default: mappings.")]
        public string? Mappings { get; init; }

        public override ValidationResult Validate() =>
            Workers < 1 ? ValidationResult.Error($"--workers {Workers} must be at least 1.")
            : !LogFormats.IsValid(LogFormat) ? ValidationResult.Error($"--log-format '{LogFormat}' is unknown: use text or json.")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var target = databases.Target(settings.Provider, settings.Connection);
        var staging = target with { OutRoot = Path.GetFullPath(target.OutRoot) };
        var jobsKind = string.IsNullOrWhiteSpace(settings.JobsStorage) ? jobs.Value.Storage : settings.JobsStorage;
        var jobsConnection = string.IsNullOrWhiteSpace(settings.JobsConnection) ? jobs.Value.Connection : settings.JobsConnection;
        WebApplication app;
        string urls;
        try
        {
            var users = NonEmpty(dashboard.Value.Users);
            var certificates = new ClientCertificates(NonEmpty(dashboard.Value.Certificates));
            var certificatePath = serve.Value.Certificate.Path;
            urls = string.IsNullOrWhiteSpace(settings.Urls) ? serve.Value.Urls : settings.Urls;
            // Refuse before touching any storage: an exposed dashboard without authentication must not start even briefly.
            if (DashboardAccess.Refusal(urls, users, certificates, !string.IsNullOrWhiteSpace(certificatePath)) is { } refusal)
            {
                throw new ServeRefusedException(refusal);
            }

            var mappings = MappingsFolder(settings.Mappings);
            var serverCertificate = string.IsNullOrWhiteSpace(certificatePath)
                ? null
                : LoadServerCertificate(certificatePath, serve.Value.Certificate.Password);

            // Both databases are checked before the host is built: a serve that cannot work says which and why, within 30 s.
            var invisibility = InvisibilityTimeout.Parse(
                string.IsNullOrWhiteSpace(settings.InvisibilityTimeout) ? jobs.Value.InvisibilityTimeout : settings.InvisibilityTimeout);
            var checks = new StartupChecks(StartupChecks.DefaultBudget);
            var storage = await checks.JobStorageAsync(jobsKind, jobsConnection, cancellationToken, invisibility);
            await checks.StagingAsync(staging, ex => databases.Explain(ex, staging), cancellationToken);
            var log = new LogWriter(settings.LogFormat, connections: [staging.Connection, jobsConnection]);
            var allowedHosts = string.IsNullOrWhiteSpace(settings.AllowedHosts) ? serve.Value.AllowedHosts : settings.AllowedHosts;
            app = ServeHost.Build(new ServeOptions(
                urls, storage, staging, users, settings.Workers, certificates, serverCertificate, policies.Build(), log, serve.Value
                    .MinimumFreeMegabytes * 1024 * 1024,
                allowedHosts)
            {
                ReaderAccess = access.Value,
                LocalPersonalData = reports.Value.ShowPersonalData,
                FleetEntities = File.Exists(jobs.Value.Fleet) ? Fleet.Load(jobs.Value.Fleet).Entities : null,
                MappingsRoot = mappings,
                DrillIndexes = !settings.NoDrillIndexes,
            });
            if (AllowedHosts.RefusesEveryRemoteName(urls, AllowedHosts.Of(urls, allowedHosts)))
            {
                const string Allow = "until their host name is allowed: set Serve:AllowedHosts (or --allowed-hosts), "
                    + "e.g. bascule.commune.example;10.0.0.5.";
                console.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[yellow]Listening on {urls}, but browsers on other machines will get 400 {Allow}[/]");
            }
        }
        catch (Exception ex) when (ex is ServeRefusedException or ArgumentException or DbException or FleetFileException)
        {
            Fail(settings, ConnectionText.Scrub(StagingDatabases.Scrub(ex.Message, staging), jobsConnection));
            return 1;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (IsAddressInUse(ex))
            {
                Fail(settings, $"Cannot listen on {FailedAddress(urls, ex)}: the address is already in use (another bascule serve?). "
                    + $"Choose another with --urls or Serve:Urls.");
                return ExitCodes.CouldNotComplete;
            }
            catch (Exception ex) when (ex is DbException or Load.StagingException or IOException)
            {
                // The staging schema is checked at start: a database that cannot be reached stops serve with the reason.
                Fail(settings, databases.Explain(ex, staging));
                return ExitCodes.CouldNotComplete;
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Done;
    }

    // Under --log-format json even the reason serve did not start is a JSON line, for the log shipper that reads it.
    private void Fail(Settings settings, string message)
    {
        if (settings.LogFormat == LogFormats.Json)
        {
            var log = new LogWriter(LogFormats.Json);
            log.Write(log.Entry("FATAL", "Bascule.Serve", message));
            return;
        }

        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{message}[/]");
    }

    // A folder given on the command line must exist; the default one may be absent: the mapping page and the evidence pack
    // then say, in the reader's language, that the run's version is not there.
    private static string MappingsFolder(string? given)
    {
        var folder = Path.GetFullPath(string.IsNullOrWhiteSpace(given) ? "mappings" : given);
        return given is null || Directory.Exists(folder)
            ? folder
            : throw new ServeRefusedException($"The mappings folder {folder} (--mappings) does not exist: give the folder holding the "
                + $"mapping versions, e.g. --mappings mappings.");
    }

    private static Dictionary<string, string> NonEmpty(Dictionary<string, string> entries) =>
        entries.Where(e => !string.IsNullOrEmpty(e.Value)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    // Kestrel reports a port taken by another process as an IOException around an AddressInUseException.
    private static bool IsAddressInUse(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is AddressInUseException or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
    }

    // The configured address Kestrel names in its message, else all of them.
    private static string FailedAddress(string urls, Exception ex) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .FirstOrDefault(u => ex.Message.Contains(u.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) ?? urls;

    // The password never appears in a message: only the file and what went wrong with it.
    private static X509Certificate2 LoadServerCertificate(string path, string? password)
    {
        try
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new ServeRefusedException(
                $"The server certificate {Path.GetFullPath(path)} (Serve:Certificate:Path) could not be loaded: {ex.Message} " +
                "Give a .pfx file with its private key, and its password in Serve:Certificate:Password.", ex);
        }
    }
}
