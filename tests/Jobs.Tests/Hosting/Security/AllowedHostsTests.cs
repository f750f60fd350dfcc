using Bascule.Jobs.Hosting;
using Bascule.Jobs.Hosting.Security;

namespace Bascule.Jobs.Tests.Hosting.Security;

public sealed class AllowedHostsTests
{
    [Fact]
    public void Loopback_names_are_always_allowed_and_a_wildcard_bind_adds_none()
    {
        var allowed = AllowedHosts.Of("http://0.0.0.0:5080;http://*:5081;http://+:5082", null);

        Assert.Equal(AllowedHosts.Loopback, allowed);
        Assert.True(AllowedHosts.RefusesEveryRemoteName("http://0.0.0.0:5080", allowed));
    }

    [Fact]
    public void The_hosts_of_the_urls_and_of_the_setting_are_allowed()
    {
        var allowed = AllowedHosts.Of("https://10.0.0.5:5443", "bascule.commune.example; *.cpas.example ;[fd00::5]");

        Assert.Equal(["localhost", "127.0.0.1", "[::1]", "10.0.0.5", "bascule.commune.example", "*.cpas.example", "[fd00::5]"], allowed);
        Assert.False(AllowedHosts.RefusesEveryRemoteName("https://10.0.0.5:5443", allowed));
        Assert.False(AllowedHosts.RefusesEveryRemoteName("http://127.0.0.1:5080", AllowedHosts.Of("http://127.0.0.1:5080", null)));
    }

    [Theory]
    [InlineData("http://bascule.example")]
    [InlineData("bascule.example:5080")]
    [InlineData("bascule example")]
    [InlineData("*")]
    public void Something_that_is_no_host_name_is_refused_with_an_example(string configured)
    {
        var error = Assert.Throws<ServeRefusedException>(() => AllowedHosts.Of("http://127.0.0.1:5080", configured));

        Assert.Contains($"'{configured}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Serve:AllowedHosts", error.Message, StringComparison.Ordinal);
    }
}
