using Bascule.Load.Providers;
using Bascule.Load.Providers.Postgres;

namespace Bascule.Reliability.Tests.Security;

/// <summary>Every secret a connection string can carry is masked, not only the login password (see also Load.Tests'
/// ConnectionTextTests).</summary>
public sealed class ConnectionSecretTests
{
    [Theory]
    [InlineData("Password")]
    [InlineData("PWD")]
    [InlineData("SSL Password")]
    [InlineData("SslPassword")]
    public void A_secret_of_the_connection_string_is_masked_in_messages_and_descriptions(string key)
    {
        var secret = "Sx-" + Guid.NewGuid().ToString("N");
        var connection = $"Host=db.example;Database=staging;Username=bascule;{key}={secret}";

        var scrubbed = ConnectionText.Scrub($"failed with '{connection}' ({key} {secret} refused)", connection);
        var described = ConnectionText.Describe(connection);

        Assert.DoesNotContain(secret, scrubbed, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, described, StringComparison.Ordinal);
        Assert.Contains("db.example", described, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_names_its_target_without_credentials()
    {
        var secret = "Sx-" + Guid.NewGuid().ToString("N");
        await using var provider = new PostgresStagingProvider(
            $"Host=db.example;Port=5433;Database=staging;Username=bascule;Password={secret};SSL Password={secret}");

        Assert.Equal("PostgreSQL db.example:5433/staging", provider.Target);
        Assert.DoesNotContain(secret, provider.Scrub($"could not log in with {secret}"), StringComparison.Ordinal);
    }
}
