using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary><c>bascule serve</c> as IT staff start it: the real program in a child process.</summary>
public sealed partial class ServeCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Serve_on_an_address_already_in_use_says_so_in_one_line_and_exits_1()
    {
        // Another process (here: this one) already listens on the port.
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (exit, stdout, stderr) = await RunAsync("serve", "--urls", url);

        Assert.True(exit == 1, $"exit code {exit}\n{stdout}\n{stderr}");
        Assert.Equal(
            $"Cannot listen on {url}: the address is already in use (another bascule serve?). Choose another with --urls or Serve:Urls.",
            Blanks().Replace(stdout, " ").Trim());
        Assert.Equal("", stderr.Trim());
    }

    [Theory]
    [InlineData("--invisibility-timeout", "5s", "Jobs:InvisibilityTimeout '5s' is not a duration from 10 s to 24 h")]
    [InlineData("--invisibility-timeout", "soon", "Jobs:InvisibilityTimeout 'soon' is not a duration")]
    [InlineData("--allowed-hosts", "http://bascule.example", "Serve:AllowedHosts holds 'http://bascule.example', which is not a host name")]
    public async Task Serve_refuses_a_nonsense_setting_with_the_reason_and_exits_1(string option, string value, string reason)
    {
        var (exit, stdout, stderr) = await RunAsync("serve", "--urls", "http://127.0.0.1:1", option, value);

        Assert.True(exit == 1, $"exit code {exit}\n{stdout}\n{stderr}");
        Assert.StartsWith(reason, Blanks().Replace(stdout, " ").Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_refuses_a_mappings_folder_that_does_not_exist_and_exits_1()
    {
        var (exit, stdout, stderr) = await RunAsync("serve", "--urls", "http://127.0.0.1:1", "--mappings", "nowhere");

        Assert.True(exit == 1, $"exit code {exit}\n{stdout}\n{stderr}");
        Assert.Matches(
            @"^The mappings folder /\S*/nowhere \(--mappings\) does not exist: "
                + @"give the folder holding the mapping versions, e\.g\. --mappings mappings\.$",
            Blanks().Replace(stdout, " ").Trim());
        Assert.Equal("", stderr.Trim());
    }

    public void Dispose() => _temp.Dispose();

    /// <summary><c>dotnet bascule.dll args…</c> from this test's output folder, in an empty folder, with no BASCULE_ setting.</summary>
    private async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
                ? host
                : "dotnet",
            WorkingDirectory = _temp.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "bascule.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BASCULE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Blanks();
}
