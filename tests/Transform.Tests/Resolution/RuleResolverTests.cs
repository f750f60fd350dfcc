using Bascule.Extract.Values;

namespace Bascule.Transform.Tests.Resolution;

/// <summary>Every resolution rule of the spec, on the small test mapping (one rule per case).</summary>
public sealed class RuleResolverTests : IDisposable
{
    private readonly MappingTree _tree = MappingTree.Small();
    private readonly LineMapper _commune;
    private readonly LineMapper _cpas;

    public RuleResolverTests()
    {
        var version = _tree.Load();
        _commune = version.CreateMapper(EntityType.Commune, new FiscalYear(2022));
        _cpas = version.CreateMapper(EntityType.Cpas, new FiscalYear(2022));
    }

    public void Dispose() => _tree.Dispose();

    private string Rule(string account, string? article = null, int year = 2022, LineMapper? mapper = null) =>
        string.Join("+", (mapper ?? _commune).Map(Ledger.Line(account, article, debit: 10m, year: year)).Targets.Select(t => t.RuleId));

    [Fact]
    public void Exact_account_beats_a_prefix() => Assert.Equal("R3", Rule("6120000"));

    [Fact]
    public void Longer_prefix_beats_a_shorter_one()
    {
        Assert.Equal("R2", Rule("6121000"));
        Assert.Equal("R12", Rule("6110000"));
    }

    [Fact]
    public void Prefix_beats_a_range() => Assert.Equal("R12", Rule("6105000"));

    [Fact]
    public void Range_beats_star()
    {
        Assert.Equal("R4", Rule("4400500"));
        Assert.Equal("R1", Rule("4410000"));
    }

    [Fact]
    public void Six_digit_account_is_compared_to_a_range_as_its_seven_digit_head() => Assert.Equal("R4", Rule("440000"));

    [Fact]
    public void Star_catches_what_nothing_else_matches() => Assert.Equal("R1", Rule("4500000"));

    [Fact]
    public void More_exact_article_parts_win()
    {
        Assert.Equal("R5", Rule("4500000", "104/123-05"));
        Assert.Equal("R14", Rule("4500000", "421/123-05"));
    }

    [Fact]
    public void Account_and_article_constrained_beats_an_exact_account_alone()
    {
        Assert.Equal("R6", Rule("6130000", "104/123-01"));
        Assert.Equal("R15", Rule("6120000", "104/111-01"));
    }

    [Fact]
    public void Account_pattern_is_compared_before_the_article() => Assert.Equal("R12", Rule("6130000", "104/123-02"));

    [Fact]
    public void Line_without_article_only_matches_rules_without_article_pattern() => Assert.Equal("R1", Rule("4500000", null));

    [Fact]
    public void Entity_type_filters_rules()
    {
        Assert.Equal("R9", Rule("7000000"));
        Assert.Equal("R8", Rule("7000000", mapper: _cpas));
    }

    [Fact]
    public void Years_filter_rules()
    {
        Assert.Equal("R10", Rule("5500000", year: 2020));
        Assert.Equal("R11", Rule("5500000", year: 2021));
    }

    [Fact]
    public void Split_yields_one_target_per_part_in_file_order() => Assert.Equal("R7.a+R7.b", Rule("6150000"));

    [Fact]
    public void Equal_function_keeps_the_source_function_and_no_article_leaves_economic_and_function_empty()
    {
        var withArticle = Assert.Single(_commune.Map(Ledger.Line("6120000", "421/124-02", debit: 5m)).Targets);
        Assert.Equal(("612100", "12.12", "421"), (withArticle.Account, withArticle.Economic, withArticle.Function));
        var without = Assert.Single(_commune.Map(Ledger.Line("6120000", null, debit: 5m)).Targets);
        Assert.Equal(("612100", (string?)null, (string?)null), (without.Account, without.Economic, without.Function));
    }

    [Fact]
    public void Kept_function_missing_from_the_chart_stops_the_mapping_saying_why()
    {
        var ex = Assert.Throws<MappingUnusableException>(() => _commune.Map(Ledger.Line("6120000", "722/125-03", debit: 5m)));
        Assert.Contains("rule R3 keeps the function 722", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unmatched_line_is_unmapped_not_staged()
    {
        using var tree = MappingTree.WithRules("R1;;;612*;;612000;12.11;000;;Only supplies");
        var mapper = tree.Load().CreateMapper(EntityType.Commune, new FiscalYear(2022));
        var mapped = mapper.Map(Ledger.Line("7000000", debit: 3m));
        Assert.True(mapped.IsUnmapped);
    }

    [Fact]
    public void Tie_between_two_rules_is_an_ambiguity_not_file_order()
    {
        using var tree = MappingTree.WithRules(
            "R1;;;612*;;612000;12.11;000;;Supplies",
            "R2;COMMUNE;;612*;;612100;12.11;000;;Supplies of the commune");
        var version = tree.Load();
        var resolution = version.CreateResolver()
            .Resolve(new Transform.Resolution.ResolutionKey("6121000", null, EntityType.Commune, 2022));
        Assert.True(resolution.IsAmbiguous);
        Assert.Equal(["R1", "R2"], resolution.Tied.Select(g => g.BaseId));
        Assert.Throws<MappingUnusableException>(() => version.CreateMapper(EntityType.Commune, new FiscalYear(2022)));
        Assert.False(
            version.CreateResolver().Resolve(new Transform.Resolution.ResolutionKey("6121000", null, EntityType.Cpas, 2022)).IsAmbiguous);
    }

    [Fact]
    public void Mapper_refuses_an_entity_type_or_year_the_manifest_does_not_cover()
    {
        var version = _tree.Load();
        var ex = Assert.Throws<MappingUnusableException>(() => version.CreateMapper(EntityType.Commune, new FiscalYear(2024)));
        Assert.Contains("2019-2023", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_keep_their_lineage_through_the_mapping()
    {
        var line = Ledger.Line("6150000", debit: 1m, record: 42);
        Assert.All(_commune.Map(line).Targets, t => Assert.Same(line, t.Source));
    }
}
