using System.Net;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// Who may reach the dashboard and the fleet page: on a loopback address only this machine, so no login; on any other
/// address, anyone on the network, so basic authentication over the configured users, and no start without them.
/// </summary>
public static class DashboardAccess
{
    public static bool IsLoopback(string url)
    {
        var host = new Uri(url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    public static IReadOnlyList<string> Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why the host must not start, or null when it may.</summary>
    public static string? Refusal(string urls, IReadOnlyDictionary<string, string> users)
    {
        var exposed = Split(urls).Where(u => !IsLoopback(u)).ToList();
        return exposed.Count == 0 || users.Count > 0
            ? null
            : $"Refusing to serve on {string.Join(", ", exposed)} without authentication: the dashboard can cancel and enqueue migrations. " +
              "Configure at least one dashboard user (setting Dashboard:Users:<name> = <password>, e.g. environment variable BASCULE_DASHBOARD__USERS__alice), " +
              "or bind to 127.0.0.1 (--urls http://127.0.0.1:5080).";
    }
}
