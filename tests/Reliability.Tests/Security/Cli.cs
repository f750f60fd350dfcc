using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Security;

/// <summary>What one run of the real <c>bascule</c> program printed.</summary>
public sealed record CliRun(string[] Arguments, int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString()
        => $"bascule {Arguments.FirstOrDefault()} exited {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
}

/// <summary>Runs the real <c>bascule</c> program to its end in a working folder of the test's own, with the output root there.</summary>
public static class Cli
{
    public static async Task<CliRun> RunAsync(
        string workingFolder,
        IReadOnlyDictionary<string, string>? environment,
        params string[] arguments)
    {
        var settings = new Dictionary<string, string>(environment ?? new Dictionary<string, string>()) {
            ["BASCULE_OUT"] = Path.Combine(workingFolder, "out") };
        using var process = CliProcess.Start(workingFolder, arguments, settings);
        var code = await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new CliRun(arguments, code, process.StandardOutput, process.StandardError);
    }
}
