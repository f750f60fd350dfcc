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

        Assert.True(
            postgres.ChecksPasswords,
            $"The PostgreSQL server ({postgres.Source}) accepts a wrong password: the contract needs one that checks passwords.");
        var cancellationToken = TestContext.Current.CancellationToken;
        using var bench = await Workbench.PostgresAsync(postgres, cancellationToken);
        await Contract.RunAsync(bench, cancellationToken);
    }
}

/// <summary>The table itself: every command the program lists has cases, and every case can be run.</summary>
public sealed class CaseTable
{
    [Theory]
    [InlineData("--help")]
    [InlineData("mapping --help")]
    public async Task Every_command_the_help_lists_has_a_case(string help)
    {
        using var folder = new Bascule.TestSupport.TempDirectory();
        using var cli = Bascule.TestSupport.CliProcess.Start(folder.Path, help.Split(' '));
        Assert.Equal(0, await cli.WaitForExitAsync(TestContext.Current.CancellationToken));
        var prefix = help.Split(' ').SkipLast(1).ToList();
        var commands = cli.StandardOutput.Split('\n')
            .SkipWhile(l => !l.StartsWith("COMMANDS:", StringComparison.Ordinal)).Skip(1)
            .Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Split(' ')[0])
            .ToList();

        Assert.NotEmpty(commands);
        var covered = Cases.All.Select(c => string.Join(' ', c.Arguments().Take(prefix.Count + 1))).ToHashSet(StringComparer.Ordinal);
        var missing = commands.Where(c => !covered.Contains(string.Join(' ', prefix.Append(c)))).ToList();
        Assert.True(missing.Count == 0, "Commands without a contract case: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_check_finds_each_kind_of_broken_output()
    {
        var contractCase = new ContractCase("runs", 1, "could not be used … Check --connection");
        string[] secrets = ["Sup3rS3cret!"];
        Assert.Empty(Contract.Check(contractCase, 1, "The staging database could not be used: 28P01. Check --connection.", "", secrets));

        Assert.Single(Contract.Check(contractCase, 255, "could not be used. Check --connection.", "", secrets));
        Assert.Single(Contract.Check(contractCase, null, "could not be used. Check --connection.", "", secrets));
        Assert.Single(Contract.Check(contractCase, 1, "Check --connection: it could not be used.", "", secrets));
        Assert.Single(Contract.Check(
            contractCase,
            1,
            "could not be used. Check --connection.",
            "   at Bascule.Jobs.Cli.RunsCommand.ExecuteAsync()\n",
            secrets));
        Assert.Single(Contract.Check(contractCase, 1, "could not be used (NpgsqlException). Check --connection.", "", secrets));
        Assert.Single(Contract.Check(contractCase, 1, "could not be used (Parameter 'connection'). Check --connection.", "", secrets));
        Assert.Single(Contract.Check(contractCase, 1, "could not be used. Check --connection. See the Inner Exception.", "", secrets));
        Assert.Single(
            Contract.Check(contractCase, 1, "could not be used. Check --connection.", "Host=db;Password=Sup3r\nS3cret!", secrets));
        Assert.Equal(["Wr0ng"], Contract.Passwords(["--connection", "Host=db;Password=Wr0ng;Database=x"]));
    }

    [Fact]
    public void Every_case_is_well_formed()
    {
        Assert.All(Cases.All, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Fragment), c.Name);
            Assert.Contains(c.ExitCode, (int[])[1, 2, 3, 130]);
            Assert.NotEmpty(c.Arguments());
        });
        var names = Cases.All.SelectMany(c => new[] { Target.Default, Target.Postgres }.Where(c.RunsOn).Select(t => $"{c.Name} on {t}"))
            .ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
