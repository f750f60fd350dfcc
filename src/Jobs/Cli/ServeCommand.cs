using System.ComponentModel;
using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bascule.Jobs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule serve</c>: the Hangfire server, its dashboard and the fleet page in one process. Several serve
/// processes on different machines with the same shared job storage (postgres or sqlserver) and staging database split the fleet's jobs.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated (default: setting Serve:Urls, else http://127.0.0.1:5080). Any non-loopback address needs Dashboard:Users or Dashboard:Certificates; https:// needs Serve:Certificate:Path.")]
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
        [Description("inmemory (default, this process only), postgres or sqlserver (shared by CLI and other serve processes); else setting Jobs:Storage.")]
        public string? JobsStorage { get; init; }

        [CommandOption("--jobs-connection <CONNECTION>")]
        [Description("Connection string of the postgres or sqlserver job storage; else setting Jobs:Connection.")]
        public string? JobsConnection { get; init; }

        public override ValidationResult Validate() =>
            Workers < 1 ? ValidationResult.Error($"--workers {Workers} must be at least 1.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        WebApplication app;
        string urls;
        try
        {
            var outRoot = Path.GetFullPath(BasculeConfiguration.Resolve(null, "Out", "out"));
            var staging = new StagingTarget(
                BasculeConfiguration.Resolve(settings.Provider, "Staging:Provider", "sqlite"),
                BasculeConfiguration.Resolve(settings.Connection, "Staging:Connection", ""),
                outRoot);
            var configuration = BasculeConfiguration.Build();
            var users = Entries(configuration, "Dashboard:Users");
            var certificates = new ClientCertificates(Entries(configuration, "Dashboard:Certificates"));
            var certificatePath = configuration["Serve:Certificate:Path"];
            urls = BasculeConfiguration.Resolve(settings.Urls, "Serve:Urls", DefaultUrls);
            // Refuse before touching any storage: an exposed dashboard without authentication must not start even briefly.
            if (DashboardAccess.Refusal(urls, users, certificates, !string.IsNullOrWhiteSpace(certificatePath)) is { } refusal)
            {
                throw new ServeRefusedException(refusal);
            }

            var serverCertificate = string.IsNullOrWhiteSpace(certificatePath) ? null : LoadServerCertificate(certificatePath, configuration["Serve:Certificate:Password"]);

            var storage = JobStorages.Create(
                BasculeConfiguration.Resolve(settings.JobsStorage, "Jobs:Storage", JobStorages.InMemory),
                BasculeConfiguration.Resolve(settings.JobsConnection, "Jobs:Connection", ""),
                waitForDatabase: true);
            app = ServeHost.Build(new ServeOptions(urls, storage, staging, users, settings.Workers, certificates, serverCertificate));
        }
        catch (Exception ex) when (ex is ServeRefusedException or ArgumentException or DbException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
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
                AnsiConsole.MarkupLineInterpolated(
                    CultureInfo.InvariantCulture,
                    $"[red]Cannot listen on {FailedAddress(urls, ex)}: the address is already in use (another bascule serve?). Choose another with --urls or Serve:Urls.[/]");
                return 1;
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

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

    private static Dictionary<string, string> Entries(IConfiguration configuration, string section) =>
        configuration.GetSection(section).GetChildren()
            .Where(u => !string.IsNullOrEmpty(u.Value))
            .ToDictionary(u => u.Key, u => u.Value!, StringComparer.Ordinal);

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
