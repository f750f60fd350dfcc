using System.Net;
using System.Net.Sockets;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The real <c>bascule serve</c> on a free loopback port, in a folder of its own, with the in-memory job storage and a
/// SQLite staging file: what the web surface tests send real HTTP requests to.
/// </summary>
public sealed class ServedProcess : IAsyncDisposable
{
    private readonly TempDirectory _temp;

    private ServedProcess(TempDirectory temp, CliProcess process, string url)
    {
        _temp = temp;
        Process = process;
        Url = url;
    }

    public CliProcess Process { get; }

    public string Url { get; }

    public static async Task<ServedProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var temp = new TempDirectory();
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var environment = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) {
            ["BASCULE_OUT"] = temp.Combine("out") };
        var process = CliProcess.Start(
            temp.Path,
            ["serve", "--urls", url, "--workers", "1", "--connection", temp.Combine("staging.db")],
            environment);
        var served = new ServedProcess(temp, process, url);
        // The console logger writes each message on its own line, indented under its category.
        Assert.True(await process.WaitForTextAsync("Application started", TestContext.Current.CancellationToken), process.Output);
        return served;
    }

    /// <summary>A client without redirects or cookies of its own, so that every header a test sends is the one it set.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new SocketsHttpHandler {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer() })
        {
            BaseAddress = new Uri(Url),
        };

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            await Process.KillAsync(CancellationToken.None);
        }

        Process.Dispose();
        _temp.Dispose();
    }
}
