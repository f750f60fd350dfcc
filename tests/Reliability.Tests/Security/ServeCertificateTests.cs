using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The real <c>bascule serve</c>, bound to every address (an exposed bind), configured the way IT staff would: the
/// server's .pfx and the allowed client certificate's fingerprint in environment variables. Only the listed client
/// certificate gets in, and the .pfx password is never printed.
/// </summary>
public sealed class ServeCertificateTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task An_exposed_serve_lets_in_only_the_listed_client_certificate()
    {
        var ct = TestContext.Current.CancellationToken;
        using var server = TestCertificates.Create("CN=bascule.example", TestCertificates.ServerAuthentication, withIpAddress: true);
        using var desk = TestCertificates.Create("CN=it-desk", TestCertificates.ClientAuthentication);
        using var stranger = TestCertificates.Create("CN=stranger", TestCertificates.ClientAuthentication);
        var password = "pfx-" + Guid.NewGuid().ToString("N");
        var pfx = _temp.Combine("server.pfx");
        await File.WriteAllBytesAsync(pfx, server.Export(X509ContentType.Pkcs12, password), ct);
        var port = LoopbackPort.Free();

        using var serve = CliProcess.Start(
            _temp.Path,
            ["serve", "--urls", $"https://0.0.0.0:{port}"],
            new Dictionary<string, string>
            {
                ["BASCULE_OUT"] = _temp.Combine("out"),
                ["BASCULE_SERVE__CERTIFICATE__PATH"] = pfx,
                ["BASCULE_SERVE__CERTIFICATE__PASSWORD"] = password,
                ["BASCULE_DASHBOARD__CERTIFICATES__it-desk"] = TestCertificates.OpensslFingerprint(desk),
            });
        // The console logger writes each message on its own line, indented under its category.
        Assert.True(await serve.WaitForTextAsync("Application started", ct), serve.Output);

        var anonymous = await GetAsync(port, server, null, "/");
        var unknown = await GetAsync(port, server, stranger, "/hangfire");
        var dashboard = await GetAsync(port, server, desk, "/hangfire");
        var fleet = await GetAsync(port, server, desk, "/");
        await serve.KillAsync(ct);

        Assert.Equal(HttpStatusCode.Forbidden, anonymous);
        Assert.Equal(HttpStatusCode.Forbidden, unknown);
        Assert.Equal(HttpStatusCode.OK, dashboard);
        Assert.Equal(HttpStatusCode.OK, fleet);
        Assert.DoesNotContain(password, serve.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<HttpStatusCode> GetAsync(int port, X509Certificate2 server, X509Certificate2? client, string path)
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

        using var http = new HttpClient(new SocketsHttpHandler { SslOptions = ssl }) { BaseAddress = new Uri($"https://127.0.0.1:{port}") };
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
