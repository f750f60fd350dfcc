using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Bascule.Jobs.Cli;
using Bascule.Jobs.Hosting;
using Bascule.TestSupport;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Builder;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>
/// The second way into an exposed <c>bascule serve</c>: HTTPS with a client certificate whose thumbprint is listed
/// under <c>Dashboard:Certificates</c>. Real host on 127.0.0.1 with the authentication forced on, real TLS handshakes.
/// </summary>
public sealed class ClientCertificateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Only_a_listed_client_certificate_gets_in()
    {
        using var server = Certificate("CN=bascule.example", "1.3.6.1.5.5.7.3.1", withIpAddress: true);
        using var allowed = Certificate("CN=it-desk", "1.3.6.1.5.5.7.3.2");
        using var stranger = Certificate("CN=stranger", "1.3.6.1.5.5.7.3.2");
        // Written as openssl prints a SHA-256 fingerprint: colons and lower case do not matter.
        var fingerprint = string.Join(':', Convert.FromHexString(allowed.GetCertHashString(HashAlgorithmName.SHA256))
            .Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
        await using var hosted = await StartAsync(
            server,
            new ClientCertificates(new Dictionary<string, string> { ["it-desk"] = fingerprint }));
        var app = hosted.App;

        var anonymous = await GetAsync(app, server, null, "/");
        var unknown = await GetAsync(app, server, stranger, "/hangfire");
        var fleetPage = await GetAsync(app, server, allowed, "/");
        var dashboard = await GetAsync(app, server, allowed, "/hangfire");

        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
        Assert.Contains("Dashboard:Certificates", anonymous.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.Status);
        Assert.Equal(HttpStatusCode.OK, fleetPage.Status);
        Assert.Contains("<html lang=\"fr\">", fleetPage.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("Bascule jobs", dashboard.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_style_sha1_thumbprint_is_accepted_too()
    {
        using var client = Certificate("CN=it-desk", "1.3.6.1.5.5.7.3.2");
        using var other = Certificate("CN=other", "1.3.6.1.5.5.7.3.2");
        var certificates = new ClientCertificates(new Dictionary<string, string> { ["it-desk"] = client.Thumbprint.ToLowerInvariant() });

        Assert.Equal("it-desk", certificates.NameOf(client));
        Assert.Null(certificates.NameOf(other));
    }

    [Theory]
    [InlineData("https://0.0.0.0:5983", false, "Serve:Certificate:Path")]
    [InlineData("http://0.0.0.0:5984", true, "only sent over HTTPS")]
    [InlineData("https://127.0.0.1:5985;http://127.0.0.1:5986", true, "only sent over HTTPS")]
    public void Certificates_are_refused_where_they_could_not_work(string urls, bool serverCertificate, string reason)
    {
        using var server = Certificate("CN=bascule.example", "1.3.6.1.5.5.7.3.1", withIpAddress: true);
        var certificates = new ClientCertificates(new Dictionary<string, string> { ["it-desk"] = new string('A', 40) });

        var error = Assert.Throws<ServeRefusedException>(() => ServeHost.Build(new ServeOptions(
            urls, new InMemoryStorage(), new StagingTarget(
                "sqlite",
                "",
                _temp.Combine("out")), new Dictionary<string, string>(), 1, certificates, serverCertificate ? server : null)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exposed_https_bind_without_users_or_certificates_is_refused()
    {
        var exit = await BasculeApp.Create().RunAsync(["serve", "--urls", "https://0.0.0.0:5987"], TestContext.Current.CancellationToken);
        using var server = Certificate("CN=bascule.example", "1.3.6.1.5.5.7.3.1", withIpAddress: true);

        var error = Assert.Throws<ServeRefusedException>(() => ServeHost.Build(new ServeOptions(
            "https://0.0.0.0:5987", new InMemoryStorage(), new StagingTarget(
                "sqlite",
                "",
                _temp.Combine("out")), new Dictionary<string, string>(), 1, ClientCertificates.None, server)));

        Assert.Equal(1, exit);
        Assert.Contains("Dashboard:Certificates", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private async Task<Hosted> StartAsync(X509Certificate2 server, ClientCertificates certificates)
    {
        var app = ServeHost.Build(new ServeOptions(
            $"https://127.0.0.1:{LoopbackPort.Free()}", new InMemoryStorage(), new StagingTarget(
                "sqlite",
                "",
                _temp.Combine("out")), new Dictionary<string, string>(), 1, certificates, server));
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new Hosted(app);
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(
        WebApplication app,
        X509Certificate2 server,
        X509Certificate2? client,
        string path)
    {
        var ssl = new SslClientAuthenticationOptions
        {
            // Trust exactly the test server's certificate.
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null
                && certificate.GetCertHashString() == server.GetCertHashString(),
        };
        if (client is not null)
        {
            ssl.ClientCertificates = [client];
        }

        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = ssl }) { BaseAddress = new Uri(app.Urls.Single()) };
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private static X509Certificate2 Certificate(string subject, string usage, bool withIpAddress = false) =>
        TestCertificates.Create(subject, usage, withIpAddress);

    private sealed record Hosted(WebApplication App) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.StopAsync(CancellationToken.None);
            await App.DisposeAsync();
        }
    }
}
