using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>A real <c>bascule serve</c> process on a free loopback port, in a working folder of the test's.</summary>
internal sealed class ServeProcess : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private ServeProcess(CliProcess cli, string url)
    {
        Cli = cli;
        Url = url;
    }

    public CliProcess Cli { get; }

    public string Url { get; }

    /// <summary>Starts <c>bascule serve --urls URL args…</c> in <paramref name="folder"/> and waits until it listens.</summary>
    public static Task<ServeProcess> StartAsync(string folder, params string[] args) => StartAsync(folder, null, args);

    /// <summary>Starts <c>bascule serve --urls URL args…</c> with <paramref name="environment"/> (its settings) and waits until it
    /// listens.</summary>
    public static async Task<ServeProcess> StartAsync(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var url = $"http://127.0.0.1:{LoopbackPort.Free()}";
        var serve = new ServeProcess(CliProcess.StartInterruptible(folder, ["serve", "--urls", url, .. args], environment), url);
        try
        {
            await serve.WaitForAsync(output => output.Contains("Now listening on", StringComparison.Ordinal));
            return serve;
        }
        catch
        {
            serve.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the output so far satisfies <paramref name="condition"/>; fails the test if serve exits or takes too
    /// long.</summary>
    public async Task WaitForAsync(Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition(Cli.StandardOutput))
        {
            Assert.False(Cli.HasExited, $"serve exited. Output:\n{Cli.Output}");
            Assert.True(
                DateTime.UtcNow < deadline,
                $"serve's output did not reach the expected state within {Patience.TotalSeconds} s. Output:\n{Cli.Output}");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>SIGTERM, as a service manager stops it; the exit code.</summary>
    public async Task<int> StopAsync()
    {
        await Cli.SignalAsync("TERM", TestContext.Current.CancellationToken);
        return await Cli.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public void Dispose() => Cli.Dispose();
}
