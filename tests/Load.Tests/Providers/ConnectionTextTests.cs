using Bascule.Load.Providers;

namespace Bascule.Load.Tests.Providers;

public sealed class ConnectionTextTests
{
    private const string Connection = "Host=db.example;Port=5432;Database=staging;Username=bascule;Password=s3cr3t-Pa55";

    [Fact]
    public void A_described_connection_shows_no_credentials()
    {
        var described = ConnectionText.Describe(Connection);
        Assert.DoesNotContain("s3cr3t", described, StringComparison.Ordinal);
        Assert.DoesNotContain("bascule", described, StringComparison.Ordinal);
        Assert.Contains("db.example", described, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scrubbed_message_hides_the_password_and_the_connection_string()
    {
        var message = ConnectionText.Scrub($"could not connect with '{Connection}' (password s3cr3t-Pa55 rejected)", Connection);
        Assert.DoesNotContain("s3cr3t-Pa55", message, StringComparison.Ordinal);
        Assert.Contains("***", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Scrubbing_with_an_empty_connection_string_keeps_the_message(string connection)
    {
        // The embedded default has no connection string: a run id that does not exist must still get its own message.
        const string Message = "Run 01a23a92-0000-7000-8000-000000000000 does not exist in SQLite out/staging.db.";
        Assert.Equal(Message, ConnectionText.Scrub(Message, connection));
    }

    [Fact]
    public void An_unknown_provider_name_is_refused_with_the_valid_names()
    {
        var error = Assert.Throws<ArgumentException>(() => StagingProviders.Create("oracle", null, "out"));
        Assert.Contains("sqlite, postgres or sqlserver", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_without_a_connection_string_says_where_to_give_one()
    {
        var error = Assert.Throws<ArgumentException>(() => StagingProviders.Create("postgres", "", "out"));
        Assert.Contains("Staging:Connection", error.Message, StringComparison.Ordinal);
    }
}
