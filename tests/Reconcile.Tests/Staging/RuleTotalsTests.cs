using Bascule.Extract;
using Bascule.Reconcile.Mappings;
using Bascule.Reconcile.Staging;
using Bascule.Reconcile.Tests.Support;
using Bascule.TestSupport;
using Bascule.TestSupport.Staging;
using Bascule.Transform;

namespace Bascule.Reconcile.Tests.Staging;

/// <summary>
/// The euros per rule of a real run of the commune sample, once per staging engine, against the sample mapped again in
/// memory through the same mapping version (no database), and against the reconciliation's staged totals.
/// </summary>
public abstract class RuleTotalsTests<TDatabase>(TDatabase database) : StagingSuite<TDatabase>(database)
    where TDatabase : StagingDatabase
{
    // An account the legacy plan has no class for (class 9): the test checks that the sample has no line on it.
    private const string NowhereAccount = "9999999";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Euros_per_rule_are_what_each_rule_maps_from_the_sample_and_sum_to_the_staged_totals()
    {
        var provider = await NewProviderAsync();
        var sample = SampleRun.SampleFolder(SampleRun.Commune);
        var run = await SampleRun.LoadAsync(provider, sample, Ct);

        var totals = await RuleTotals.ReadAsync(provider, run, Ct);
        var expected = await MapInMemoryAsync(sample, SampleRun.MappingFolder);
        var reconciled = await Reconciler.ComputeAsync(provider, run, sample, Ct);

        Assert.Equal(expected, totals);
        Assert.Equal(reconciled.Totals.Staged.Debit, totals.Sum(t => t.Debit));
        Assert.Equal(reconciled.Totals.Staged.Credit, totals.Sum(t => t.Credit));
        // Split parts stage under their own id (C611.a, C611.b), as the rules file names them.
        Assert.Contains(totals, t => t.RuleId.Contains('.', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_that_matches_no_line_of_the_run_is_listed_as_never_used()
    {
        var provider = await NewProviderAsync();
        var sample = SampleRun.SampleFolder(SampleRun.Commune);
        var mapping = WithNowhereRule(Temp);
        var run = await SampleRun.LoadAsync(provider, sample, mapping, Ct);
        var version = MappingVersion.Load(mapping);
        var expected = await MapInMemoryAsync(sample, mapping);

        var uses = RuleUses.Of(version.Rules, await RuleTotals.ReadAsync(provider, run, Ct));

        Assert.Contains("ZNOWHERE", uses.NeverUsed.Select(r => r.Id));
        Assert.Equal(
            version.Rules.Select(r => r.Id).Except(expected.Select(t => t.RuleId)).Order(StringComparer.Ordinal),
            uses.NeverUsed.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(
            expected.Select(t => t.RuleId).Order(StringComparer.Ordinal),
            uses.Used.Select(u => u.RuleId).Order(StringComparer.Ordinal));
        Assert.All(uses.Used, u => Assert.NotNull(u.Rule));
        // Used rules come in the rules file's order.
        Assert.Equal(uses.Used.OrderBy(u => u.Rule!.Line).Select(u => u.RuleId), uses.Used.Select(u => u.RuleId));
    }

    [Fact]
    public async Task A_run_of_another_entity_does_not_count()
    {
        var provider = await NewProviderAsync();
        var commune = await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Commune), Ct);
        await SampleRun.LoadAsync(provider, SampleRun.SampleFolder(SampleRun.Cpas), Ct);

        var totals = await RuleTotals.ReadAsync(provider, commune, Ct);

        Assert.Equal(await MapInMemoryAsync(SampleRun.SampleFolder(SampleRun.Commune), SampleRun.MappingFolder), totals);
    }

    /// <summary>A copy of the shipped mapping with one more rule, on an account the commune sample does not use.</summary>
    private static string WithNowhereRule(TempDirectory temp)
    {
        Folders.Copy(RepositoryRoot.Combine("mappings"), temp.Combine("nowhere", "mappings"));
        var version = temp.Combine("nowhere", "mappings", "bxl-2024", "1.0.0");
        var rules = Path.Combine(version, MappingVersion.RulesFileName);
        var patrimony = File.ReadLines(rules).First(l => l.StartsWith("B100;", StringComparison.Ordinal)).Split(';');
        File.AppendAllLines(rules, [$"ZNOWHERE;;;{NowhereAccount};;{patrimony[5]};;=;;A rule no line of the sample matches"]);
        return version;
    }

    // The sample's ledger mapped again in memory: per rule id, the target lines' debit, credit and count.
    private static async Task<List<RuleTotal>> MapInMemoryAsync(string exportFolder, string mappingFolder)
    {
        var export = LegacyExport.Open(exportFolder);
        var mapper = MappingVersion.Load(mappingFolder).CreateMapper(export.Control.EntityType, export.Control.FiscalYear);
        var sums = new Dictionary<string, (decimal Debit, decimal Credit, long Lines)>(StringComparer.Ordinal);
        await foreach (var parsed in export.ReadLedgerAsync(Ct))
        {
            if (parsed.Value is not { } line)
            {
                continue;
            }

            Assert.NotEqual(NowhereAccount, line.Account.Value);
            foreach (var target in mapper.Map(line).Targets)
            {
                var sum = sums.GetValueOrDefault(target.RuleId);
                sums[target.RuleId] = (sum.Debit + target.Debit.Value, sum.Credit + target.Credit.Value, sum.Lines + 1);
            }
        }

        Assert.NotEmpty(sums);
        return [.. sums.Select(s => new RuleTotal(s.Key, s.Value.Debit, s.Value.Credit, s.Value.Lines))
            .OrderBy(t => t.RuleId, StringComparer.Ordinal)];
    }
}

public sealed class SqliteRuleTotalsTests(SqliteDatabase database) : RuleTotalsTests<SqliteDatabase>(database);

public sealed class PostgresRuleTotalsTests(PostgresDatabase database) : RuleTotalsTests<PostgresDatabase>(database);

public sealed class SqlServerRuleTotalsTests(SqlServerDatabase database) : RuleTotalsTests<SqlServerDatabase>(database);
