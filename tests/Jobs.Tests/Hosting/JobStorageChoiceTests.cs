using System.Reflection;
using Bascule.Jobs.Hosting;
using Hangfire.SqlServer;

namespace Bascule.Jobs.Tests.Hosting;

/// <summary>The job storage each choice really produces, without a database server.</summary>
public sealed class JobStorageChoiceTests
{
    // Nothing listens on the discard port: the storage is created, its schema preparation fails quietly until first use.
    private const string Unreachable
        = "Server=127.0.0.1,9;Database=hangfire;User Id=bascule;Password=unused;Connect Timeout=1;TrustServerCertificate=true";

    [Fact]
    public void The_sqlserver_choice_hides_a_running_job_with_a_sliding_invisibility_timeout()
    {
        var storage = Assert.IsType<SqlServerStorage>(
            JobStorages.Create(" SqlServer ", Unreachable, invisibility: InvisibilityTimeout.Parse("45s")));

        // Hangfire.SqlServer keeps the options it fetches with to itself; read the ones this storage object really uses.
        var options = Assert.IsType<SqlServerStorageOptions>(
            typeof(SqlServerStorage).GetProperty("Options", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(storage));
        Assert.Equal(TimeSpan.FromSeconds(45), options.SlidingInvisibilityTimeout);
        Assert.Equal(TimeSpan.Zero, options.QueuePollInterval);
        Assert.True(options.PrepareSchemaIfNecessary);
        Assert.Contains("127.0.0.1,9@hangfire", storage.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_postgres_choice_slides_its_invisibility_timeout_too()
    {
        var options = JobStorages.PostgresOptions();
        var tuned = JobStorages.PostgresOptions(InvisibilityTimeout.Parse("00:02:30"));

        Assert.True(options.UseSlidingInvisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(30), options.InvisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(150), tuned.InvisibilityTimeout);
        // A lock row of a killed process must be taken as stale by the time its job is taken over.
        Assert.Equal(tuned.InvisibilityTimeout, tuned.DistributedLockTimeout);
    }

    [Theory]
    [InlineData("sqlserver")]
    [InlineData("postgres")]
    public void A_shared_storage_without_a_connection_string_says_what_to_set(string kind)
    {
        var error = Assert.Throws<ArgumentException>(() => JobStorages.Create(kind, " "));

        Assert.Contains("Jobs:Connection", error.Message, StringComparison.Ordinal);
    }
}
