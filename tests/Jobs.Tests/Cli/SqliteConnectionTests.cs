using Bascule.TestSupport;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// A SQLite <c>--connection</c> that the driver cannot read (a mistyped keyword), given to the real <c>bascule</c>: it
/// exits 1 with a message that names the option and what it takes, and never echoes the password written in it.
/// </summary>
public sealed class SqliteConnectionTests : IDisposable
{
    private const string Password = "Sekr3t-Pa55";
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("runs")]
    [InlineData("migrate")]
    public async Task A_mistyped_keyword_names_the_option_and_how_to_write_it(string command)
    {
        string[] args = command == "migrate"
            ? ["migrate", "--export", RepositoryRoot.Combine("samples", "commune-etterbeek-2023"), "--mapping", RepositoryRoot.Combine(
                "mappings",
                "bxl-2024",
                "1.0.0")]
            : [command];
        var connection = $"Dat Source={_temp.Combine("x.db")};Password={Password}";

        var (exit, output) = await CliProcess.RunAsync(
            _temp.Path,
            [.. args, "--connection", connection],
            TestContext.Current.CancellationToken);

        Assert.True(exit == 1, output);
        var flat = CliProcess.Flat(output);
        Assert.Contains(
            "The SQLite connection string cannot be read: SQLite knows no key 'dat source'. Give --connection",
            flat,
            StringComparison.Ordinal);
        Assert.Contains("Give --connection (or Staging:Connection) the staging file's path", flat, StringComparison.Ordinal);
        Assert.Contains("\"Data Source=", flat, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("x.db")), "a staging file was created");
    }

    public void Dispose() => _temp.Dispose();
}
