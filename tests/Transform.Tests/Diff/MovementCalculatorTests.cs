using Bascule.Extract.Values;
using Bascule.TestSupport;
using Bascule.Transform.Diff;
using Bascule.Transform.Splits;

namespace Bascule.Transform.Tests.Diff;

/// <summary>What a new version moves in euros, on the committed commune sample, against sums computed from the export itself.</summary>
public sealed class MovementCalculatorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    // A copy of the shipped mappings tree with a 1.1.0 that reclassifies loan interest and changes the energy split.
    private (MappingVersion Old, MappingVersion New) Versions()
    {
        var root = _temp.Combine("mappings");
        Directory.CreateDirectory(Path.Combine(root, "charts"));
        File.Copy(RepositoryRoot.Combine("mappings", "charts", "bxl-2024.csv"), Path.Combine(root, "charts", "bxl-2024.csv"));
        foreach (var version in new[] { "1.0.0", "1.1.0" })
        {
            var dir = Path.Combine(root, "bxl-2024", version);
            Directory.CreateDirectory(dir);
            foreach (var file in new[] { "mapping.yaml", "rules.csv" })
            {
                File.Copy(Path.Combine(SampleExports.BxlVersion, file), Path.Combine(dir, file));
            }
        }

        var newDir = Path.Combine(root, "bxl-2024", "1.1.0");
        var rules = File.ReadAllText(Path.Combine(newDir, "rules.csv"))
            .Replace("C650;;;6500000;*/211-*;650000;21.10;", "C650;;;6500000;*/211-*;613000;21.10;", StringComparison.Ordinal)
            .Replace(";611100;12.13;=;60;", ";611100;12.13;=;50;", StringComparison.Ordinal)
            .Replace(";611200;12.13;=;40;", ";611200;12.13;=;50;", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(newDir, "rules.csv"), rules);
        File.WriteAllText(
            Path.Combine(newDir, "mapping.yaml"),
            File.ReadAllText(Path.Combine(newDir, "mapping.yaml")).Replace("version: 1.0.0", "version: 1.1.0", StringComparison.Ordinal));
        return (MappingVersion.Load(Path.Combine(root, "bxl-2024", "1.0.0")), MappingVersion.Load(newDir));
    }

    [Fact]
    public async Task Diff_on_the_commune_sample_moves_exactly_the_euros_of_the_changed_rules()
    {
        var export = SampleExports.Open(SampleExports.Commune);
        var lines = await SampleExports.ReadAllAsync(export);
        var (old, @new) = Versions();
        var moves = await MovementCalculator.ComputeAsync(
            old,
            @new,
            Ledger.Stream([.. lines]),
            export.Control.EntityType,
            TestContext.Current.CancellationToken);

        var interest = lines.Where(l => l.Account.Value == "6500000" && l.Article?.Economic == "211").ToList();
        Assert.NotEmpty(interest);
        var interestMove = Assert.Single(moves, m => m.From.StartsWith("650000 ", StringComparison.Ordinal));
        Assert.Equal(("650000 / 21.10 / 000", "613000 / 21.10 / 000"), (interestMove.From, interestMove.To));
        Assert.Equal(Sum(interest.Select(l => l.Debit)), interestMove.Debit);
        Assert.Equal(Sum(interest.Select(l => l.Credit)), interestMove.Credit);
        Assert.Equal(interest.Count, interestMove.Lines);

        // 60/40 became 50/50: each energy line moves the difference of its electricity part to gas and heating.
        var energy = lines.Where(l => l.Account.Value == "6120000" && l.Article?.Economic == "125").ToList();
        Assert.NotEmpty(energy);
        var expected = Sum(energy.Select(l => SplitAllocator.Split(l.Debit, [60m, 40m])[0] - SplitAllocator.Split(l.Debit, [50m, 50m])[0]));
        var energyMoves = moves.Where(m => m.From.StartsWith("611100 ", StringComparison.Ordinal)).ToList();
        Assert.All(energyMoves, m => Assert.StartsWith("611200 ", m.To, StringComparison.Ordinal));
        Assert.Equal(expected, Sum(energyMoves.Select(m => m.Debit)));
        Assert.True(expected > Amount.Zero);

        Assert.Equal(1 + energyMoves.Count, moves.Count);
    }

    [Fact]
    public async Task Identical_versions_move_nothing()
    {
        var export = SampleExports.Open(SampleExports.Cpas);
        var version = MappingVersion.Load(SampleExports.BxlVersion);
        Assert.Empty(await MovementCalculator.ComputeAsync(
            version,
            version,
            SampleExports.Lines(export),
            export.Control.EntityType,
            TestContext.Current.CancellationToken));
    }

    private static Amount Sum(IEnumerable<Amount> amounts) => amounts.Aggregate(Amount.Zero, (a, b) => a + b);
}
