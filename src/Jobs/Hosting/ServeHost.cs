using Bascule.Jobs.Hosting.Health;
using Bascule.Jobs.Hosting.JobLog;
using Bascule.Jobs.Hosting.Security;
using Bascule.Jobs.Workspace;
using Bascule.Jobs.Workspace.DrillDown;
using Bascule.Jobs.Workspace.Runs;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication.Certificate;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The ASP.NET Core host of <c>bascule serve</c>: a Hangfire server running migration jobs, the Hangfire dashboard at
/// <c>/hangfire</c>, and the workspace (<see cref="WorkspaceEndpoints"/>): the fleet page at <c>/</c>, each run's page,
/// reports and evidence pack under <c>/runs/</c>, and its sign-off and publish forms.
/// </summary>
public static class ServeHost
{
    public const string Dashboard = "/hangfire";

    public static WebApplication Build(ServeOptions options)
    {
        var certificates = options.AllowedCertificates;
        if (DashboardAccess.Refusal(options.Urls, options.Users, certificates, options.ServerCertificate is not null) is { } refusal)
        {
            throw new ServeRefusedException(refusal);
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(options.Urls);
        builder.AddServiceManagers();
        builder.AddWebSurface(Security.AllowedHosts.Of(options.Urls, options.AllowedHosts));
        if (options.ServerCertificate is { } serverCertificate)
        {
            builder.WebHost.UseKestrelHttpsConfiguration();
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ServerCertificate = serverCertificate;
                if (certificates.IsConfigured)
                {
                    // Asked for, not required: a request without one gets a clear 403 rather than a failed handshake.
                    // TLS takes any certificate; the certificate authentication decides from the configured list.
                    https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                    https.AllowAnyClientCertificate();
                }
            }));
        }

        if (certificates.IsConfigured)
        {
            builder.Services.AddAuthentication(CertificateAuthenticationDefaults.AuthenticationScheme)
                .AddCertificate(certificates.Configure);
        }

        // One log for the host, Hangfire and the jobs' life cycle: one line per entry, text or JSON, secrets scrubbed.
        var log = options.Log ?? new LogWriter(LogFormats.Text, connections: [options.Staging.Connection]);
        builder.Logging.ClearProviders().AddProvider(new HostLoggerProvider(log));
        // One line per HTTP request would drown the job log that IT staff read.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // A host that fails to start (its address already in use) is reported by `bascule serve` in one line that says
        // what to do; the host's own error log of it is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        // The host waits a little longer than the Hangfire server, which itself waits for jobs to stop between batches.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = MigrationServer.ShutdownTimeout + TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(options.Storage);
        // Hangfire's configuration is process-wide: a log provider tied to this host's logger factory would outlive the
        // host and break any other Hangfire server of the process once the host is disposed.
        builder.Services.AddHangfire(configuration => configuration.UseStorage(options.Storage)
            .UseLogProvider(new HangfireLogProvider(Hangfire.Logging.LogLevel.Info, log)));
        // One staging provider for the host's life: every page and job shares its pool; its schema is brought up to date
        // once, at start, before the server listens.
        var staging = options.Staging.Open();
        builder.Services.AddSingleton(staging);
        // The workspace's pages are Razor components rendered on the server (RazorComponentResult), without script.
        builder.Services.AddRazorComponents();
        // Accented letters as they are (the pages are UTF-8), not as numeric entities: pages read the same in their source.
        builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
        builder.Services.AddHostedService(_ => new StagingSchemaAtStart(staging));
        // After the schema: the drill-down indexes of the runs published or held, built in the background (DrillIndexBuilder).
        DrillIndexBuilder? drillIndexes = null;
        if (options.DrillIndexes)
        {
            builder.Services.AddSingleton(
                services => drillIndexes = new DrillIndexBuilder(staging, services.GetRequiredService<ILogger<DrillIndexBuilder>>()));
            builder.Services.AddHostedService(services => services.GetRequiredService<DrillIndexBuilder>());
        }

        builder.Services.AddBasculeHealthChecks(staging, options.Storage, options.Staging.OutRoot, options.MinimumFreeBytes);
        var jobs = new MigrationJobOptions(options.Staging, MigrationJobOptions.DefaultLockTimeout)
        {
            Provider = staging,
            Policies = options.Policies,
            RunCompleted = _ => drillIndexes?.Nudge(),
        };
        builder.Services.AddHangfireServer((_, server) => MigrationServer.Configure(
            server,
            jobs,
            options.Workers,
            $"bascule:{Environment.MachineName}:{Environment.ProcessId}",
            new JobLifecycleLog(log)));

        var app = builder.Build();
        // Health answers without authentication and before the host-name check (a load balancer may probe by address): it
        // shows states only. A database that is away gives pages a 503.
        app.UseBasculeHealth();
        app.UseWebSurface(Dashboard);
        app.UseMiddleware<DatabaseUnavailable>();
        var exposed = options.Users.Count > 0 || certificates.IsConfigured;
        if (certificates.IsConfigured)
        {
            app.UseAuthentication();
        }

        if (exposed)
        {
            app.UseMiddleware<BasicAuthentication>(options.Users);
        }

        FailedJobReportLink.Register();
        app.UseHangfireDashboard(Dashboard, new DashboardOptions
        {
            DashboardTitle = "Bascule jobs",
            AppPath = "/",
            // Behind the gate every request is a known user or certificate; otherwise only this machine may look.
            Authorization = exposed ? [] : [new LocalRequestsOnlyAuthorizationFilter()],
        }, options.Storage);
        app.UseMiddleware<WorkspaceReaders>(new WorkspaceAccess(options.ReaderAccess, exposed, options.LocalPersonalData));
        var sources = new WorkspaceSources(
            staging,
            options.Storage,
            new RunFiles(options.Staging.OutRoot),
            options.FleetEntities ?? [],
            options.MappingsRoot);
        app.MapWorkspace(sources);
        // Once started (the schema is there): the runs people open first, prepared in the background.
        var warmLog = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RunPagesWarmer));
        app.Lifetime.ApplicationStarted.Register(() => _ = Task.Run(
            () => RunPagesWarmer.WarmAsync(sources, warmLog, app.Lifetime.ApplicationStopping)));
        app.MapDrillDown(staging, options.MappingsRoot);
        return app;
    }
}
