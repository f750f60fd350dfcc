using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Bascule.Jobs.Composition;

/// <summary>The composition root: everything the <c>bascule</c> commands and the <c>serve</c> host use, registered once.</summary>
public static class BasculeServices
{
    /// <summary>
    /// Typed options bound from <paramref name="configuration"/> (<c>appsettings.json</c>, then <c>BASCULE_…</c>
    /// environment variables), the staging databases (one provider per target for the process's life) and the console.
    /// The commands themselves are registered by Spectre.Console.Cli through <see cref="TypeRegistrar"/>. Messages that
    /// must stay off standard output go to <paramref name="errors"/>, by default the process's standard error.
    /// </summary>
    public static IServiceCollection AddBascule(
        this IServiceCollection services,
        IConfiguration configuration,
        IAnsiConsole? console = null,
        IAnsiConsole? errors = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(configuration);
        services.AddOptions<StagingDatabaseOptions>().BindConfiguration(StagingDatabaseOptions.Section);
        services.AddOptions<OutputOptions>().Configure<IConfiguration>((output, config) => output.Out = config["Out"]);
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section);
        services.AddOptions<JobStorageOptions>().BindConfiguration(JobStorageOptions.Section);
        services.AddOptions<ServeHostOptions>().BindConfiguration(ServeHostOptions.Section);
        services.AddOptions<DashboardAccessOptions>().BindConfiguration(DashboardAccessOptions.Section);
        services.AddOptions<CutoverDefaultsOptions>().BindConfiguration(CutoverDefaultsOptions.Section);
        services.AddOptions<GovernanceOptions>().BindConfiguration(GovernanceOptions.Section);
        services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        services.AddSingleton<Policies>();
        services.AddSingleton<StagingDatabases>();
        services.AddSingleton(console ?? BasculeConsole.Create());
        services.AddSingleton(new StandardError(errors ?? BasculeConsole.CreateError()));
        return services;
    }

    /// <summary>The services of one process, for a command created outside the command line (tests, tools).</summary>
    public static ServiceProvider Build(IConfiguration configuration, IAnsiConsole? console = null, IAnsiConsole? errors = null) =>
        new ServiceCollection().AddBascule(configuration, console, errors).BuildServiceProvider();

    /// <summary>A command created with its services, as the command line would.</summary>
    public static T Create<T>(this IServiceProvider services)
        where T : class => ActivatorUtilities.CreateInstance<T>(services);
}
