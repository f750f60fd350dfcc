using Bascule.Reliability.Tests.Security;
using Bascule.TestSupport;

namespace Bascule.Reliability.Tests.Inputs;

/// <summary>
/// The corpus case <c>ledger-wrong-year</c> (the ledger of 2022 delivered as 2023's) through the real <c>bascule</c>
/// program: <c>extract</c> and <c>migrate</c> exit 1 with a message naming the file, the years found with their line
/// counts, the year <c>EXPORT.txt</c> announces and what to do; <c>migrate</c> creates no staging file.
/// </summary>
public sealed class WrongYearCliTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("extract")]
    [InlineData("migrate")]
    public async Task A_ledger_of_another_year_exits_1_naming_the_years_found_and_what_to_do(string command)
    {
        var export = _temp.Combine("export");
        CorpusCase.Load("ledger-wrong-year").CopyTo(export);
        string[] arguments = command == "extract"
            ? ["extract", "--export", export]
            : ["migrate", "--export", export, "--mapping", SqlitePipeline.Mapping];

        var run = await Cli.RunAsync(_temp.Path, null, arguments);

        Assert.True(run.ExitCode == 1, run.ToString());
        // The console wraps long lines at word boundaries.
        var text = string.Join(
            ' ',
            (run.StandardOutput + run.StandardError).Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(
            "ECRITURES.csv, column EXERCICE: 5 of its 8 records carry another fiscal year than the 2023 that EXPORT.txt announces",
            text,
            StringComparison.Ordinal);
        Assert.Contains("(years found: 2022 on 5 lines, 2023 on 3 lines)", text, StringComparison.Ordinal);
        Assert.Contains(
            "deliver the export of 2023, or, if the export really is of another year, fix EXERCICE in EXPORT.txt.",
            text,
            StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("out", "staging.db")), "a refused export created the staging file");
        Tally.InputTried(0, 0);
    }

    public void Dispose() => _temp.Dispose();
}
