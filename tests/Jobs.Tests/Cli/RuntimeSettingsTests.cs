using System.Text.Json;
using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// The runtime settings that <c>bascule</c>'s memory and speed were measured with (bench/README.md) reach the runtime
/// configuration that the executable starts with.
/// </summary>
public sealed class RuntimeSettingsTests
{
    [Theory]
    [InlineData("System.GC.ConserveMemory", "9")]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", "0")]
    [InlineData("System.Runtime.TieredPGO", "false")]
    public void The_executable_starts_with_the_measured_setting(string name, string expected)
    {
        var path = Path.ChangeExtension(CliProcess.Dll, ".runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));

        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(properties.TryGetProperty(name, out var value), $"{name} is missing from {Path.GetFileName(path)}");
        Assert.Equal(expected, value.GetRawText());
    }
}
