using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// <c>serve</c> under a service manager. Under systemd (a unit with <c>Type=notify</c>, see docs/bascule-serve.service)
/// it tells systemd when it is ready and when it stops, and stops gracefully on SIGTERM; as a Windows service it answers
/// the service control manager's start and stop. Run any other way, both integrations do nothing.
/// </summary>
public static class ServiceManagers
{
    public const string WindowsServiceName = "Bascule";

    public static WebApplicationBuilder AddServiceManagers(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(service => service.ServiceName = WindowsServiceName);
        return builder;
    }
}
