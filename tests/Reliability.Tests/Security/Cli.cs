using System.Diagnostics;

namespace Bascule.Reliability.Tests.Security;

/// <summary>What one run of the real <c>bascule</c> program printed.</summary>
public sealed record CliRun(string[] Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"bascule {Arguments.FirstOrDefault()} exited {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>
/// Runs the real <c>bascule</c> program (the Jobs build copied beside the tests) as a child process, in a working folder of
/// the test's own, with the output root there and no staging setting inherited from the environment.
/// </summary>
public static class Cli
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "bascule.dll");

    public static async Task<CliRun> RunAsync(string workingFolder, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BASCULE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["BASCULE_OUT"] = Path.Combine(workingFolder, "out");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Program}");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliRun(arguments, process.ExitCode, await stdout, await stderr);
    }

    // The dotnet host that runs the tests (dotnet test sets DOTNET_HOST_PATH), else the one on the PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
