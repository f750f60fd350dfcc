namespace Bascule.Contract.Tests;

/// <summary>The contract in the default configuration: no settings, embedded SQLite in out/ of an empty working folder.</summary>
public sealed class DefaultConfigurationContract
{
    [Fact]
    public async Task Every_failure_names_what_is_wrong_and_exits_with_its_documented_code()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var bench = await Workbench.DefaultAsync(cancellationToken);
        await Contract.RunAsync(bench, cancellationToken);
    }
}

/// <summary>The contract on PostgreSQL, configured through the environment with a password that no output may show.</summary>
public sealed class PostgresContract(ContractPostgres postgres) : IClassFixture<ContractPostgres>
{
    [Fact]
    public async Task Every_failure_names_what_is_wrong_and_exits_with_its_documented_code_without_showing_the_password()
    {
        if (postgres.SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }

        Assert.True(postgres.ChecksPasswords, $"The PostgreSQL server ({postgres.Source}) accepts a wrong password: the contract needs one that checks passwords.");
        var cancellationToken = TestContext.Current.CancellationToken;
        using var bench = await Workbench.PostgresAsync(postgres, cancellationToken);
        await Contract.RunAsync(bench, cancellationToken);
    }
}
