using System.Net;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// The host names a request may name in its <c>Host</c> header: this machine's loopback names, the hosts of the
/// addresses <c>serve</c> listens on (a wildcard bind names none), and those of the setting <c>Serve:AllowedHosts</c>.
/// Any other is answered 400: a page of another site that makes its own name resolve to this machine (DNS rebinding)
/// could otherwise read the fleet page and the reports, and post the dashboard's actions.
/// </summary>
public static class AllowedHosts
{
    public static readonly IReadOnlyList<string> Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The allowed names, or <see cref="ServeRefusedException"/> when <paramref name="configured"/> holds one that is no host
    /// name.</summary>
    public static IReadOnlyList<string> Of(string urls, string? configured)
    {
        var extra = DashboardAccess.Split(configured ?? "");
        var wrong = extra.Where(h => !IsHostName(h)).ToList();
        if (wrong.Count > 0)
        {
            throw new ServeRefusedException(
                $"Serve:AllowedHosts holds {string.Join(", ", wrong.Select(w => $"'{w}'"))}, which is not a host name: give names or "
                    + $"addresses without scheme or port, " +
                "';' between several, e.g. bascule.commune.example;10.0.0.5 (a leading *. allows every subdomain).");
        }

        var bound = DashboardAccess.Split(urls)
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null)
            .OfType<string>()
            .Where(h => h is not ("0.0.0.0" or "[::]" or "*" or "+" or ""));
        return [.. Loopback.Concat(bound).Concat(extra).Distinct(StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>True when <c>serve</c> listens beyond loopback but only loopback names are allowed: every remote browser gets
    /// 400.</summary>
    public static bool RefusesEveryRemoteName(string urls, IReadOnlyList<string> allowed) =>
        allowed.Count == Loopback.Count && DashboardAccess.Split(urls).Any(u => !DashboardAccess.IsLoopback(u));

    private static bool IsHostName(string host)
    {
        var name = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
        return Uri.CheckHostName(name) is UriHostNameType.Dns or UriHostNameType.IPv4
            || (name.StartsWith('[') && name.EndsWith(']') && IPAddress.TryParse(name[1..^1], out _));
    }
}
