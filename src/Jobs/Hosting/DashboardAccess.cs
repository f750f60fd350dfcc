using System.Net;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// Who may reach the dashboard and the fleet page: on a loopback address only this machine, so no login; on any other
/// address, anyone on the network, so either basic authentication over the configured users or an allowed client
/// certificate over HTTPS, and no start without one of them.
/// </summary>
public static class DashboardAccess
{
    public static bool IsLoopback(string url)
    {
        var host = new Uri(Wildcard(url)).Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    // Kestrel's "any address" forms (http://*:5080, http://+:5080) as an address a Uri can read.
    private static string Wildcard(string url) =>
        url.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);

    public static IReadOnlyList<string> Split(string urls)
        => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Why the host must not start, or null when it may.</summary>
    public static string? Refusal(string urls, IReadOnlyDictionary<string, string> users)
        => Refusal(urls, users, ClientCertificates.None, hasServerCertificate: false);

    /// <summary>Why the host must not start, or null when it may.</summary>
    public static string? Refusal(
        string urls,
        IReadOnlyDictionary<string, string> users,
        ClientCertificates certificates,
        bool hasServerCertificate)
    {
        var all = Split(urls);
        var malformed = all.Where(u => !Uri.TryCreate(Wildcard(u), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            .ToList();
        if (malformed.Count > 0 || all.Count == 0)
        {
            return $"Cannot serve on '{urls}': give http:// or https:// addresses with a host and a port, ';' between several, " +
                   "e.g. --urls http://127.0.0.1:5080 (setting Serve:Urls).";
        }

        var https = all.Where(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase)).ToList();
        if (https.Count > 0 && !hasServerCertificate)
        {
            return $"Refusing to serve on {string.Join(", ", https)} without a server certificate: set Serve:Certificate:Path (a .pfx "
                + $"file) " +
                   "and Serve:Certificate:Password (best as environment variable BASCULE_SERVE__CERTIFICATE__PASSWORD).";
        }

        if (certificates.IsConfigured && https.Count < all.Count)
        {
            return $"Refusing to serve on {string.Join(", ", all.Except(https))}: client certificates (Dashboard:Certificates) are only "
                + $"sent over HTTPS. " +
                   "Use https:// addresses, with Serve:Certificate:Path.";
        }

        var exposed = all.Where(u => !IsLoopback(u)).ToList();
        return exposed.Count == 0 || users.Count > 0 || certificates.IsConfigured
            ? null
            : $"Refusing to serve on {string.Join(", ", exposed)} without authentication: the dashboard can cancel and enqueue "
                + $"migrations. " +
              "Configure at least one dashboard user (setting Dashboard:Users:<name> = <password>, e.g. environment variable "
                  + "BASCULE_DASHBOARD__USERS__alice), " +
              "or the client certificates allowed in (Dashboard:Certificates:<name> = <thumbprint>, over https:// with "
                  + "Serve:Certificate:Path), " +
              "or bind to 127.0.0.1 (--urls http://127.0.0.1:5080).";
    }
}
