using Bascule.Jobs.Cli;

namespace Bascule.Jobs.Tests;

public sealed class CliTests
{
    [Fact]
    public void Command_option_wins_over_environment_and_default()
    {
        Environment.SetEnvironmentVariable("BASCULE_CLITEST__VALUE", "from-env");
        try
        {
            Assert.Equal("from-option", BasculeConfiguration.Resolve("from-option", "CliTest:Value", "default"));
            Assert.Equal("from-env", BasculeConfiguration.Resolve(null, "CliTest:Value", "default"));
            Assert.Equal("default", BasculeConfiguration.Resolve(null, "CliTest:Missing", "default"));
        }
        finally
        {
            Environment.SetEnvironmentVariable("BASCULE_CLITEST__VALUE", null);
        }
    }
}
