using System.Text.Json;
using Bascule.Jobs.Cli;
using Bascule.Jobs.Composition;
using Bascule.TestSupport;
using Bascule.TestSupport.Samples;
using Bascule.Transform.Rules;

namespace Bascule.Jobs.Tests.Cli;

/// <summary>
/// <c>bascule mapping suggest</c> on a copy of the shipped mapping with rules taken out and the committed commune
/// sample: the draft it writes reads as rules with empty justifications, and <c>mapping validate</c> refuses the
/// version with the draft appended for exactly that reason.
/// </summary>
public sealed class MappingSuggestCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Version => _temp.Combine("mappings", "bxl-2024", "1.0.0");

    private string Rules => Path.Combine(Version, "rules.csv");

    private static string Commune
    {
        get
        {
            var folder = RepositoryRoot.Combine("samples", "commune-etterbeek-2023");
            if (!Directory.Exists(folder))
            {
                Assert.Skip("samples/commune-etterbeek-2023 is not in the repository yet (bascule sample writes it).");
            }

            return folder;
        }
    }

    public MappingSuggestCommandTests()
    {
        Copy(RepositoryRoot.Combine("mappings"), _temp.Combine("mappings"));
        // Salaries (four articles on 6200000) and the social security payable 4540000 lose their rules.
        File.WriteAllLines(Rules, File.ReadAllLines(Rules)
            .Where(l => !l.StartsWith("C620;", StringComparison.Ordinal) && !l.StartsWith("B454;", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Suggest_writes_a_draft_that_validate_refuses_until_each_rule_is_justified()
    {
        var draft = _temp.Combine("drafts", "draft-rules.csv");

        var (exit, output) = await RunAsync(["mapping", "suggest", "--export", Commune, "--mapping", Version, "--out", draft]);

        Assert.Equal(ExitCodes.Done, exit);
        // The lines left uncovered are those of the two accounts whose rules were taken out, counted in the sample itself.
        var uncovered = IndependentExportReader.Table(Commune, "ECRITURES.csv").Count(l => l["COMPTE_GENERAL"] is "6200000" or "4540000");
        Assert.Contains($"5 account/article combinations no rule covers: {uncovered} lines", output, StringComparison.Ordinal);
        Assert.Contains($"Draft written to {draft}", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(draft, Ct);
        var rules = RulesFile.Parse(text, draft);
        Assert.Equal(["DRAFT-001", "DRAFT-002", "DRAFT-003", "DRAFT-004", "DRAFT-005"], rules.Select(r => r.Id));
        Assert.All(rules, r => Assert.Equal("", r.Justification));
        Assert.Equal(["4540000", "6200000", "6200000", "6200000", "6200000"], rules.Select(r => r.Account.Text));

        await File.AppendAllLinesAsync(Rules, text.Split('\n').Skip(1), Ct);
        var validation = await MappingValidateCommand.RunAsync(Version, null, Ct);
        Assert.Equal(
            rules.Select(r => ("NO_JUSTIFICATION", r.Id)),
            validation.Findings.Where(f => f.IsError).Select(f => (f.Check, f.RuleId!)));
        Assert.Equal(ExitCodes.CouldNotComplete, (await RunAsync(["mapping", "validate", Version])).Exit);
    }

    [Fact]
    public async Task Json_lists_each_combination_with_ranked_candidates_and_their_reasons()
    {
        var draft = _temp.Combine("draft.csv");

        var (exit, output) = await RunAsync(
            ["mapping", "suggest", "--export", Commune, "--mapping", Version, "--out", draft, "--format", "json", "--candidates", "2"]);

        Assert.Equal(ExitCodes.Done, exit);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(draft, json.RootElement.GetProperty("draft").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("uncovered").GetProperty("combinations").GetInt32());
        var salaries = json.RootElement.GetProperty("suggestions")[1];
        Assert.Equal(("6200000", "104/111-01"), (salaries.GetProperty("account").GetString(), salaries.GetProperty("article").GetString()));
        var candidates = salaries.GetProperty("candidates");
        Assert.Equal(2, candidates.GetArrayLength());
        Assert.Equal(("620000", "11.11", "="), (candidates[0].GetProperty("targetAccount").GetString(), candidates[0].GetProperty(
            "targetEconomic").GetString(), candidates[0].GetProperty("targetFunction").GetString()));
        var kinds = candidates[0].GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("kind").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "label", "numbering", "coherence" }, kinds);
        Assert.Contains("Rémunérations du personnel", output, StringComparison.Ordinal);
        Assert.True(File.Exists(draft));
    }

    [Fact]
    public async Task An_out_inside_the_version_folder_is_refused_and_nothing_is_written()
    {
        var inside = Path.Combine(Version, "draft-rules.csv");

        var (exit, output) = await RunAsync(["mapping", "suggest", "--export", Commune, "--mapping", Version, "--out", inside]);

        Assert.Equal(ExitCodes.CouldNotComplete, exit);
        Assert.Contains("a draft is never put into a version", output, StringComparison.Ordinal);
        Assert.False(File.Exists(inside));
    }

    [Fact]
    public async Task An_existing_draft_is_never_overwritten()
    {
        var draft = _temp.Combine("draft.csv");
        await File.WriteAllTextAsync(draft, "justified by hand", Ct);

        var (exit, output) = await RunAsync(["mapping", "suggest", "--export", Commune, "--mapping", Version, "--out", draft]);

        Assert.Equal(ExitCodes.CouldNotComplete, exit);
        Assert.Contains("already exists", output, StringComparison.Ordinal);
        Assert.Equal("justified by hand", await File.ReadAllTextAsync(draft, Ct));
    }

    [Fact]
    public async Task A_version_that_covers_everything_leaves_nothing_to_draft()
    {
        var draft = _temp.Combine("draft.csv");

        var (exit, output) = await RunAsync(["mapping", "suggest", "--export", Commune, "--mapping", RepositoryRoot.Combine(
            "mappings",
            "bxl-2024",
            "1.0.0"), "--out", draft]);

        Assert.Equal(ExitCodes.Done, exit);
        Assert.Contains("nothing to draft", output, StringComparison.Ordinal);
        Assert.False(File.Exists(draft));
    }

    public void Dispose() => _temp.Dispose();

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var writer = new StringWriter();
        var exit = await BasculeApp.Create(console: BasculeConsole.Create(writer)).RunAsync(args, Ct);
        return (exit, writer.ToString());
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var dir in Directory.GetDirectories(from))
        {
            Copy(dir, Path.Combine(to, Path.GetFileName(dir)));
        }
    }
}
