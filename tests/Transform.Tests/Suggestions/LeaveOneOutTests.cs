using Bascule.Transform.Suggestions;
using static System.FormattableString;

namespace Bascule.Transform.Tests.Suggestions;

/// <summary>
/// How good the suggestions are, measured on the shipped mapping and the committed samples: every rule the samples
/// use is removed in turn, and the suggestion for what it covered must be that rule's target.
/// </summary>
public sealed class LeaveOneOutTests
{
    [Fact]
    public async Task Removed_rule_target_ranks_first_at_least_8_times_in_10()
    {
        var samples = new[] { await SampleEvidence.ReadAsync(SampleExports.Commune), await SampleEvidence.ReadAsync(SampleExports.Cpas) };
        using var removal = new RuleRemoval();

        var outcomes = await removal.MeasureAsync(samples);

        var measured = outcomes.Where(o => o.Measured).ToList();
        var first = measured.Count(o => o.RankedFirst);
        var checks = measured.SelectMany(o => o.Checks).Where(c => c.Hit is not null).ToList();
        var rate = (decimal)first / measured.Count;
        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine(Invariant($"Rules removed: {outcomes.Count}; measured: {measured.Count} (the others' lines fall to another rule: {
            string.Join(", ", outcomes.Where(o => !o.Measured).Select(o => o.Group.BaseId))})."));
        output.WriteLine(Invariant($"Removed rule's target ranked first: {first} of {measured.Count} rules = {
            rate:0.000}; per combination: {checks.Count(c => c.Hit == true)} of {checks.Count}."));
        foreach (var outcome in measured.Where(o => !o.RankedFirst))
        {
            foreach (var miss in outcome.Checks.Where(c => c.Hit == false))
            {
                output.WriteLine($"  missed {outcome.Group.BaseId} ({outcome.Expected}) on {miss.Sample} {miss.Key.Account} "
                    + $"{miss.Key.Article}: first was {miss.Best?.TargetText ?? "(none)"}");
            }
        }

        Assert.True(measured.Count >= 20, $"only {measured.Count} removed rules could be measured");
        Assert.True(rate >= 0.8m, Invariant($"rate {rate:0.000} < 0.8"));
    }
}
