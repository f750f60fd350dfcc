using System.Security.Cryptography.X509Certificates;
using Hangfire;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// What one <c>bascule serve</c> process hosts: where it listens, its job storage and staging target, its dashboard
/// users and workers; the client certificates allowed in (instead of or besides users), and the server certificate
/// of its HTTPS addresses; its log (text when null) and the free space below which <c>/health</c> says Unhealthy; the host
/// names requests may name besides loopback's and those of <paramref name="Urls"/> (';'-separated, setting
/// <c>Serve:AllowedHosts</c>); and what the workspace's pages need besides.
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
    string? AllowedHosts = null)
{
    /// <summary>The roles of the names users and certificates sign in with (setting <c>Access:*</c>).</summary>
    public Composition.AccessOptions ReaderAccess { get; init; } = new();

    /// <summary>Whether the local reader of a <c>serve</c> without users sees personal data (setting
    /// <c>Reports:ShowPersonalData</c>).</summary>
    public bool LocalPersonalData { get; init; }

    /// <summary>The fleet file's entities, if there is one: the fleet page names an entity whose jobs never created a run.</summary>
    public IReadOnlyList<FleetEntity>? FleetEntities { get; init; }

    /// <summary>The mappings folder (<c>serve --mappings</c>) where the mapping page and the evidence pack find the runs' mapping versions,
    /// by their SHA-256.</summary>
    public string MappingsRoot { get; init; } = Path.GetFullPath("mappings");

    /// <summary>Whether the drill-down indexes of published and held runs are built in the background (<see
    /// cref="DrillIndexBuilder"/>).</summary>
    public bool DrillIndexes { get; init; } = true;

    public ClientCertificates AllowedCertificates => Certificates ?? ClientCertificates.None;
}
