using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Transform.Mapping;
using Bascule.Transform.Resolution;
using Bascule.Transform.Splits;

namespace Bascule.Transform.Diff;

/// <summary>
/// What a change of version moves in euros on a real export: each line is mapped by both versions (splits included,
/// to the cent); where the target amounts differ, the cents leaving a target are paired, in order, with the cents
/// arriving at another. Debit and credit are followed separately, as absolute amounts signed like the source line,
/// so a correction moves the same way as the original.
/// </summary>
public static class MovementCalculator
{
    public const string Unmapped = "(unmapped)";
    public const string Ambiguous = "(ambiguous)";

    public static async Task<IReadOnlyList<Movement>> ComputeAsync(MappingVersion oldVersion, MappingVersion newVersion,
        IAsyncEnumerable<LedgerLine> lines, EntityType entityType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(oldVersion);
        ArgumentNullException.ThrowIfNull(newVersion);
        ArgumentNullException.ThrowIfNull(lines);
        var oldResolver = oldVersion.CreateResolver();
        var newResolver = newVersion.CreateResolver();
        var totals = new Dictionary<(string From, string To), Accumulator>();
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            var key = new ResolutionKey(line.Account.Value, line.Article, entityType, line.Year.Value);
            var before = Targets(oldResolver.Resolve(key), line, out var oldRule);
            var after = Targets(newResolver.Resolve(key), line, out var newRule);
            if (before.SequenceEqual(after))
            {
                continue;
            }

            var touched = new HashSet<(string, string)>();
            foreach (var (from, to, cents) in Pair(before, after, s => s.DebitCents))
            {
                Get(totals, from, to, oldRule, newRule).Debit += Amount.FromCents(line.Debit.IsNegative ? -cents : cents);
                touched.Add((from, to));
            }

            foreach (var (from, to, cents) in Pair(before, after, s => s.CreditCents))
            {
                Get(totals, from, to, oldRule, newRule).Credit += Amount.FromCents(line.Credit.IsNegative ? -cents : cents);
                touched.Add((from, to));
            }

            foreach (var pair in touched)
            {
                totals[pair].Lines++;
            }
        }

        return totals
            .Select(t => new Movement(
                t.Key.From,
                t.Key.To,
                t.Value.Lines,
                t.Value.Debit,
                t.Value.Credit,
                t.Value.Rules.Order(StringComparer.Ordinal).ToList()))
            .OrderBy(m => m.From, StringComparer.Ordinal)
            .ThenBy(m => m.To, StringComparer.Ordinal)
            .ToList();
    }

    private static Accumulator Get(Dictionary<(string, string), Accumulator> totals, string from, string to, string oldRule, string newRule)
    {
        if (!totals.TryGetValue((from, to), out var accumulator))
        {
            accumulator = new Accumulator();
            totals.Add((from, to), accumulator);
        }

        accumulator.Rules.Add($"{oldRule} -> {newRule}");
        return accumulator;
    }

    private static List<Share> Targets(Resolution.Resolution resolution, LedgerLine line, out string rule)
    {
        if (resolution.Winner is null)
        {
            var label = resolution.IsAmbiguous ? Ambiguous : Unmapped;
            rule = resolution.IsAmbiguous ? string.Join("/", resolution.Tied.Select(g => g.BaseId)) : "none";
            return [new Share(label, Math.Abs(line.Debit.Cents), Math.Abs(line.Credit.Cents))];
        }

        rule = resolution.Winner.BaseId;
        return RuleApplication.Apply(resolution.Winner, line)
            .Select(t => new Share(Label(t), Math.Abs(t.Debit.Cents), Math.Abs(t.Credit.Cents)))
            .ToList();
    }

    private static string Label(TargetLine target) => $"{target.Account} / {target.Economic ?? "-"} / {target.Function ?? "-"}";

    // Net per target (old minus new), then the cents that leave targets are matched in order with those that arrive.
    private static IEnumerable<(string From, string To, long Cents)> Pair(List<Share> before, List<Share> after, Func<Share, long> cents)
    {
        var net = new Dictionary<string, long>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (share, sign) in before.Select(s => (s, 1)).Concat(after.Select(s => (s, -1))))
        {
            if (!net.ContainsKey(share.Target))
            {
                order.Add(share.Target);
                net[share.Target] = 0;
            }

            net[share.Target] += sign * cents(share);
        }

        var leaving = order.Where(t => net[t] > 0).Select(t => (Target: t, Cents: net[t])).ToArray();
        var arriving = order.Where(t => net[t] < 0).Select(t => (Target: t, Cents: -net[t])).ToArray();
        for (int i = 0, j = 0; i < leaving.Length && j < arriving.Length;)
        {
            var moved = Math.Min(leaving[i].Cents, arriving[j].Cents);
            yield return (leaving[i].Target, arriving[j].Target, moved);
            leaving[i].Cents -= moved;
            arriving[j].Cents -= moved;
            i += leaving[i].Cents == 0 ? 1 : 0;
            j += arriving[j].Cents == 0 ? 1 : 0;
        }
    }

    private sealed record Share(string Target, long DebitCents, long CreditCents);

    private sealed class Accumulator
    {
        public long Lines { get; set; }

        public Amount Debit { get; set; }

        public Amount Credit { get; set; }

        public HashSet<string> Rules { get; } = new(StringComparer.Ordinal);
    }
}
