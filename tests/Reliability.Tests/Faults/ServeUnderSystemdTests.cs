using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Faults;

/// <summary>
/// <c>bascule serve</c> started the way systemd starts a <c>Type=notify</c> unit (docs/bascule-serve.service): its parent
/// process is named <c>systemd</c> and <c>NOTIFY_SOCKET</c> names the socket systemd listens on. serve says READY=1 once it
/// listens, and on SIGTERM says STOPPING=1, stops gracefully and exits 0. The socket here is the test's own.
/// </summary>
public sealed class ServeUnderSystemdTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Serve_notifies_systemd_when_ready_and_when_stopping_and_exits_0_on_SIGTERM()
    {
        var ct = TestContext.Current.CancellationToken;
        var socketPath = _temp.Combine("notify.sock");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));
        // A parent process named systemd, as the hosting integration recognises a service (it stays the parent: no exec).
        var parent = _temp.Combine("systemd");
        await File.WriteAllTextAsync(parent, "#!/bin/sh\n\"$@\"\n", ct);
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        using var wrapper = CliProcess.StartWrapped(
            _temp.Path,
            [parent],
            ["serve", "--urls", $"http://127.0.0.1:{LoopbackPort.Free()}", "--connection", _temp.Combine("staging.db")],
            new Dictionary<string, string> { ["BASCULE_OUT"] = _temp.Combine("out"), ["NOTIFY_SOCKET"] = socketPath });

        var ready = await ReceiveAsync(notify, "READY=1", wrapper, ct);
        var serve = ChildOf(wrapper.Id);
        await SignalAsync(serve, "TERM", ct);
        var stopping = await ReceiveAsync(notify, "STOPPING=1", wrapper, ct);
        var exit = await wrapper.WaitForExitAsync(ct);

        Assert.True(exit == 0, $"serve exited with {exit}:\n{wrapper.Output}");
        Assert.Contains("successfully reported itself as stopped", wrapper.Output, StringComparison.Ordinal);
        output.WriteLine($"serve under a systemd-like parent: notified '{ready}', then on SIGTERM '{stopping}', exit 0");
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<string> ReceiveAsync(Socket socket, string expected, CliProcess process, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var length = await socket.ReceiveAsync(buffer, SocketFlags.None, patience.Token);
                var message = Encoding.UTF8.GetString(buffer, 0, length).Trim();
                seen.Add(message);
                if (message.Split('\n').Contains(expected))
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"No {expected} within 60 s (received: {string.Join(" | ", seen)}):\n{process.Output}");
        }
    }

    // The wrapper's only child: the serve process itself.
    private static int ChildOf(int pid) =>
        int.Parse(
            File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries).Single(),
            CultureInfo.InvariantCulture);

    private static async Task SignalAsync(int pid, string signal, CancellationToken ct)
    {
        using var kill = Process.Start(
            new ProcessStartInfo("kill", ["-s", signal, pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync(ct);
        Assert.Equal(0, kill.ExitCode);
    }
}
