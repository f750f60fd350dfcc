using System.Diagnostics;
using Bascule.Transform.Manifests;

namespace Bascule.Transform.Tests.Hashing;

public sealed class CanonicalContentTests
{
    [Fact]
    public void Hash_is_stable_across_loads()
    {
        using var tree = MappingTree.Small();
        Assert.Equal(tree.Load().Identity, tree.Load().Identity);
        Assert.Matches("^[0-9a-f]{64}$", tree.Load().Identity.Sha256);
    }

    [Fact]
    public void Hash_ignores_line_ends_trailing_spaces_and_blank_lines()
    {
        using var tree = MappingTree.Small();
        var before = tree.Load().Identity.Sha256;
        var rules = File.ReadAllText(tree.Rules);
        File.WriteAllText(tree.Rules, "\uFEFF" + rules.Replace("\n", "  \r\n\r\n", StringComparison.Ordinal));
        Assert.Equal(before, tree.Load().Identity.Sha256);
    }

    [Theory]
    [InlineData("rules", "Office supplies: exact account", "Office supplies: exact account.")]
    [InlineData("rules", "R7.b;;;6150000;;615100;12.11;421;40", "R7.b;;;6150000;;615100;12.11;104;40")]
    [InlineData("manifest", "fiscal_years: 2019-2023", "fiscal_years: 2019-2022")]
    [InlineData("chart", "Fournitures de bureau", "Fournitures de bureau et papeterie")]
    public void Hash_changes_on_any_edit_of_rules_manifest_or_chart(string file, string oldText, string newText)
    {
        using var tree = MappingTree.Small();
        var before = tree.Load().Identity.Sha256;
        tree.Edit(
            file switch { "rules" => tree.Rules, "manifest" => tree.Manifest, _ => Path.Combine(tree.Root, "charts", "small.csv") },
            oldText,
            newText);
        Assert.NotEqual(before, tree.Load().Identity.Sha256);
    }

    [Fact]
    public void Approving_a_version_keeps_the_identity_its_rehearsals_recorded()
    {
        using var tree = MappingTree.Small();
        var rehearsed = tree.Load().Identity.Sha256;

        var approved = VersionApproval.Approve(tree.Load(), "A. Auditor, réviseur", new DateOnly(2026, 11, 28));

        Assert.Equal(rehearsed, approved);
        Assert.Equal(rehearsed, tree.Load().Identity.Sha256);
        Assert.Equal(rehearsed, tree.Load().Manifest.Approval!.Sha256);
    }

    [Fact]
    public void Hash_leaves_out_the_whole_approval_block()
    {
        using var tree = MappingTree.Small();
        var sha = VersionApproval.Approve(tree.Load(), "A. Auditor, réviseur", new DateOnly(2026, 11, 28));
        tree.Edit(tree.Manifest, "2026-11-28", "2026-12-01");
        tree.Edit(tree.Manifest, "A. Auditor, réviseur", "B. Other, receveur");
        tree.Edit(tree.Manifest, sha, new string('0', 64));
        Assert.Equal(sha, tree.Load().Identity.Sha256);
    }

    [Fact]
    public void A_manifest_key_after_the_approval_block_is_content()
    {
        using var tree = MappingTree.Small();
        var sha = VersionApproval.Approve(tree.Load(), "A. Auditor, réviseur", new DateOnly(2026, 11, 28));
        File.AppendAllText(tree.Manifest, "# reviewed again\n");
        Assert.NotEqual(sha, tree.Load().Identity.Sha256);
    }

    [Fact]
    public void Auditor_recomputes_the_hash_with_the_readme_command()
    {
        using var tree = MappingTree.Small();
        File.WriteAllText(tree.Rules, File.ReadAllText(tree.Rules).Replace("\n", " \r\n", StringComparison.Ordinal));
        // Approved, then a comment added after the block: the command must leave the block out and keep the comment.
        VersionApproval.Approve(tree.Load(), "A. Auditor, réviseur", new DateOnly(2026, 11, 28));
        File.AppendAllText(tree.Manifest, "# reviewed again\n");
        var script = """
            canon() { awk '{ sub(/[[:space:]]+$/, ""); if ($0 != "") print }' "$1"; }
            { echo '== mapping.yaml'; awk '/^approval:/ { a = 1; next } a && /^([[:space:]]|$)/ { next } { a = 0; print }' mapping.yaml |
            canon /dev/stdin
              echo '== rules.csv'; canon rules.csv
              echo '== charts/small.csv'; canon ../../charts/small.csv; } | sha256sum | cut -d' ' -f1
            """;
        var start = new ProcessStartInfo("bash") {
            WorkingDirectory = tree.Version,
            RedirectStandardOutput = true,
            RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Skip($"bash is not available here ({ex.Message}).");
            return;
        }

        using (process)
        {
            var output = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            Assert.Equal(tree.Load().Identity.Sha256, output);
        }
    }
}
