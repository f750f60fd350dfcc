namespace Bascule.Transform.Tests.Manifests;

/// <summary>Faults that stop a version from loading: each names file, line and column and says what to do.</summary>
public sealed class MappingVersionLoadTests
{
    private static MappingLoadException LoadFails(MappingTree tree)
    {
        using (tree)
        {
            return Assert.Throws<MappingLoadException>(tree.Load);
        }
    }

    private static MappingTree Rules(string oldText, string newText)
    {
        var tree = MappingTree.Small();
        return tree.Edit(tree.Rules, oldText, newText);
    }

    private static MappingTree Manifest(string oldText, string newText)
    {
        var tree = MappingTree.Small();
        return tree.Edit(tree.Manifest, oldText, newText);
    }

    [Fact]
    public void Small_version_loads_with_its_identity()
    {
        using var tree = MappingTree.Small();
        var version = tree.Load();
        Assert.Equal(("small", "1.0.0"), (version.Identity.Id, version.Identity.Version));
        Assert.Equal(15, version.Groups.Count);
        Assert.Equal(16, version.Rules.Count);
    }

    [Fact]
    public void Bad_account_pattern_names_line_and_column()
    {
        var ex = LoadFails(Rules("R4;;;4400000..4409999;", "R4;;;4409999..4400000;"));
        Assert.Equal((6, 6), (ex.Line, ex.Column));
        Assert.EndsWith("rules.csv", ex.File, StringComparison.Ordinal);
        Assert.Contains("write the lower account first", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("R5;;;*;104/123-*;", "R5;;;*;104/12-*;", 7, 8)]
    [InlineData("R8;CPAS;", "R8;OCMV;", 11, 4)]
    [InlineData("R10;;2019-2020;", "R10;;2020-2019;", 13, 6)]
    [InlineData("421;40;Energy", "421;forty;Energy", 10, 34)]
    [InlineData("R6;;;6130000;104/123-01;613100;12.12;104;;", "R6;;;6130000;104/123-01;613100;12.12;104;", 8, 1)]
    public void Bad_rule_field_names_line_and_column(string oldText, string newText, int line, int column)
    {
        var ex = LoadFails(Rules(oldText, newText));
        Assert.Equal((line, column), (ex.Line, ex.Column));
    }

    [Fact]
    public void Missing_header_column_is_reported()
    {
        var ex = LoadFails(Rules("SHARE;JUSTIFICATION", "PART;JUSTIFICATION"));
        Assert.Equal(1, ex.Line);
        Assert.Contains("SHARE", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Byte_that_is_not_utf8_names_its_line()
    {
        using var tree = MappingTree.Small();
        var bytes = File.ReadAllBytes(tree.Rules);
        bytes[bytes.AsSpan().IndexOf("Office"u8)] = 0xE9;
        File.WriteAllBytes(tree.Rules, bytes);
        var ex = Assert.Throws<MappingLoadException>(tree.Load);
        Assert.Equal(5, ex.Line);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_manifest_key_names_its_line() =>
        Assert.Equal(6, LoadFails(Manifest("entity_types:", "entity_type:")).Line);

    [Fact]
    public void Yaml_syntax_error_names_line_and_column()
    {
        var ex = LoadFails(Manifest("description: Test mapping", "description: 'Test mapping"));
        Assert.True(ex.Line >= 4, ex.Message);
        Assert.Contains("YAML syntax", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclosed_yaml_list_is_a_syntax_error() =>
        Assert.Contains(
            "YAML syntax",
            LoadFails(Manifest("entity_types: [COMMUNE, CPAS]", "entity_types: [COMMUNE, CPAS")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Duplicate_manifest_key_is_a_syntax_error() =>
        Assert.Contains(
            "YAML syntax",
            LoadFails(Manifest("fiscal_years: 2019-2023", "fiscal_years: 2019-2023\nfiscal_years: 2020")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Manifest_that_is_not_a_mapping_is_refused()
    {
        var tree = MappingTree.Small();
        File.WriteAllText(tree.Manifest, "- id: small\n- version: 1.0.0\n");
        Assert.Contains("one YAML mapping", LoadFails(tree).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Chart_path_that_leaves_the_mappings_tree_is_refused()
    {
        var ex = LoadFails(Manifest("chart: ../../charts/small.csv", "chart: ../../../outside.csv"));
        Assert.Equal(5, ex.Line);
        Assert.Contains("outside the mappings tree", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Absolute_chart_path_outside_the_tree_is_refused() =>
        Assert.Contains(
            "outside the mappings tree",
            LoadFails(Manifest("chart: ../../charts/small.csv", "chart: /etc/passwd")).Message,
            StringComparison.Ordinal);

    [Fact]
    public void Duplicate_chart_code_is_reported()
    {
        var tree = MappingTree.Small();
        tree.Append(Path.Combine(tree.Root, "charts", "small.csv"), "ACCOUNT;440000;Encore;Nog eens;1");
        var ex = LoadFails(tree);
        Assert.Contains("already defined on line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_manifest_says_which_folder_to_give() =>
        Assert.Contains(
            "mapping.yaml",
            Assert.Throws<MappingLoadException>(() => MappingVersion.Load(Path.GetTempPath())).Message,
            StringComparison.Ordinal);
}
