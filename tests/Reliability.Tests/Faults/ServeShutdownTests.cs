using System.Net;
using System.Net.Sockets;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// The real <c>bascule serve</c> (ASP.NET Core host, Hangfire server) stops gracefully on SIGTERM, as a service manager
/// stops it, and on Ctrl-C (SIGINT): the Hangfire server reports itself stopped, the host shuts down, and the process
/// exits 0 in both cases (a requested stop of a service is no failure).
/// </summary>
public sealed class ServeShutdownTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_stops_gracefully_on_the_signal_and_exits_0(string signal)
    {
        var ct = TestContext.Current.CancellationToken;
        using var serve = CliProcess.StartInterruptible(
            _temp.Path,
            ["serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--connection", _temp.Combine("staging.db")],
            new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out") });
        Assert.True(await serve.WaitForTextAsync("Application started", ct), serve.Output);

        await serve.SignalAsync(signal, ct);
        var code = await serve.WaitForExitAsync(ct);

        Assert.True(code == 0, $"serve exited with {code} after SIG{signal}, expected 0:\n{serve.Output}");
        Assert.Contains("Application is shutting down...", serve.Output, StringComparison.Ordinal);
        Assert.Contains("successfully reported itself as stopped", serve.Output, StringComparison.Ordinal);
        output.WriteLine($"serve, SIG{signal}: exit 0 after a graceful stop");
    }

    public void Dispose() => _temp.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
