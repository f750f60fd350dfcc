using System.Security.Cryptography.X509Certificates;
using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// What one <c>bascule serve</c> process hosts: where it listens, its job storage and staging target, its dashboard
/// users and workers; the client certificates allowed in (instead of or besides users), and the server certificate
/// of its HTTPS addresses; its log (text when null) and the free space below which <c>/health</c> says Unhealthy; the host
/// names requests may name besides loopback's and those of <paramref name="Urls"/> (';'-separated, setting
/// <c>Serve:AllowedHosts</c>); the mappings folder where the drill-down pages find the rules' justifications of a run's
/// mapping version (by its SHA-256).
/// </summary>
public sealed record ServeOptions(
    string Urls,
    JobStorage Storage,
    StagingTarget Staging,
    IReadOnlyDictionary<string, string> Users,
    int Workers,
    ClientCertificates? Certificates = null,
    X509Certificate2? ServerCertificate = null,
    Pipeline.PolicySet? Policies = null,
    JobLog.LogWriter? Log = null,
    long MinimumFreeBytes = Health.HealthEndpoint.DefaultMinimumFreeMegabytes * 1024 * 1024,
    string? AllowedHosts = null,
    string MappingsRoot = "mappings")
{
    public ClientCertificates AllowedCertificates => Certificates ?? ClientCertificates.None;
}
