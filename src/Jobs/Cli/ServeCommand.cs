using System.ComponentModel;
using System.Globalization;
using Bascule.Jobs.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bascule.Jobs.Cli;

/// <summary>
/// <c>bascule serve</c>: the Hangfire server, its dashboard and the fleet page in one process. Several serve
/// processes on different machines with the same postgres job storage and staging database split the fleet's jobs.
/// </summary>
public sealed class ServeCommand : AsyncCommand<ServeCommand.Settings>
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public sealed class Settings : CommandSettings
    {
        [CommandOption("--urls <URLS>")]
        [Description("Where to listen, ';'-separated (default: setting Serve:Urls, else http://127.0.0.1:5080). Any non-loopback address needs Dashboard:Users.")]
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
        [Description("inmemory (default, this process only) or postgres (shared by CLI and other serve processes); else setting Jobs:Storage.")]
        public string? JobsStorage { get; init; }

        [CommandOption("--jobs-connection <CONNECTION>")]
        [Description("PostgreSQL connection string of the job storage; else setting Jobs:Connection.")]
        public string? JobsConnection { get; init; }

        public override ValidationResult Validate() =>
            Workers < 1 ? ValidationResult.Error($"--workers {Workers} must be at least 1.") : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        WebApplication app;
        try
        {
            var outRoot = Path.GetFullPath(BasculeConfiguration.Resolve(null, "Out", "out"));
            var staging = new StagingTarget(
                BasculeConfiguration.Resolve(settings.Provider, "Staging:Provider", "sqlite"),
                BasculeConfiguration.Resolve(settings.Connection, "Staging:Connection", ""),
                outRoot);
            var users = BasculeConfiguration.Build().GetSection("Dashboard:Users").GetChildren()
                .Where(u => !string.IsNullOrEmpty(u.Value))
                .ToDictionary(u => u.Key, u => u.Value!, StringComparer.Ordinal);
            var urls = BasculeConfiguration.Resolve(settings.Urls, "Serve:Urls", DefaultUrls);
            // Refuse before touching any storage: an exposed dashboard without users must not start even briefly.
            if (DashboardAccess.Refusal(urls, users) is { } refusal)
            {
                throw new ServeRefusedException(refusal);
            }

            var storage = JobStorages.Create(
                BasculeConfiguration.Resolve(settings.JobsStorage, "Jobs:Storage", JobStorages.InMemory),
                BasculeConfiguration.Resolve(settings.JobsConnection, "Jobs:Connection", ""),
                waitForDatabase: true);
            app = ServeHost.Build(new ServeOptions(urls, storage, staging, users, settings.Workers));
        }
        catch (Exception ex) when (ex is ServeRefusedException or ArgumentException)
        {
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
            return 1;
        }

        await using (app)
        {
            await app.RunAsync();
        }

        return 0;
    }
}
