using Bascule.Extract.Records;
using Bascule.Extract.Values;
using Bascule.Transform.Charts;
using Bascule.Transform.Resolution;
using Bascule.Transform.Rules;
using Bascule.Transform.Validation;

namespace Bascule.Transform.Coverage;

/// <summary>
/// Validates a version against an export's ledger lines. Lines are first gathered per combination (account, article,
/// year), so each combination is resolved once, whatever the size of the export.
/// </summary>
public static class ExportCoverage
{
    public static async Task<CoverageReport> ComputeAsync(MappingVersion version, IAsyncEnumerable<LedgerLine> lines,
        EntityType entityType, FiscalYear year, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(lines);
        var combinations = new Dictionary<ResolutionKey, CombinationStats>();
        long lineCount = 0;
        await foreach (var line in lines.WithCancellation(cancellationToken))
        {
            lineCount++;
            var key = new ResolutionKey(line.Account.Value, line.Article, entityType, line.Year.Value);
            combinations[key] = combinations.TryGetValue(key, out var stats)
                ? stats with { Lines = stats.Lines + 1, Debit = stats.Debit + line.Debit, Credit = stats.Credit + line.Credit }
                : new CombinationStats(line.Account.Value, line.Article, 1, line.Debit, line.Credit, line.Lineage);
        }

        var findings = new List<MappingFinding>();
        if (!version.Covers(entityType, year))
        {
            findings.Add(new MappingFinding(FindingSeverity.Error, "MANIFEST_NOT_COVERING", null, version.ManifestPath, version.Manifest
                .Lines["entity_types"],
                $"the manifest covers {string.Join(", ", version.Manifest.EntityTypes.Select(t => t.ToCode()))} for "
                    + $"{version.Manifest.FiscalYears}, "
                + $"not this export ({entityType.ToCode()} {year}); a run would stop before loading."));
        }

        var resolver = version.CreateResolver();
        var used = new HashSet<RuleGroup>();
        var uncovered = new List<CombinationStats>();
        long mappedLines = 0;
        Amount mappedDebit = Amount.Zero, mappedCredit = Amount.Zero, unmappedDebit = Amount.Zero, unmappedCredit = Amount.Zero;
        foreach (var (key, stats) in combinations.OrderBy(c => c.Key.Account, StringComparer.Ordinal)
            .ThenBy(c => c.Value.ArticleText, StringComparer.Ordinal))
        {
            var resolution = resolver.Resolve(key);
            if (resolution.Winner is { } winner)
            {
                used.Add(winner);
                mappedLines += stats.Lines;
                mappedDebit += stats.Debit;
                mappedCredit += stats.Credit;
                findings.AddRange(KeptFunctionFindings(version, winner, stats));
                if (stats.Article is not null && winner.Parts.Any(p => p.TargetEconomic is null))
                {
                    findings.Add(new MappingFinding(FindingSeverity.Warning, "NO_ECONOMIC", winner.BaseId, version.RulesPath, winner.First
                        .Line,
                        $"budget lines of account {stats.Account} article {stats.Article} ({stats.Lines} lines, {stats.First.File} line "
                            + $"{stats.First.Line}) "
                        + $"go through rule {winner.BaseId}, which gives no economic code; add a rule for this article with its economic "
                            + $"code."));
                }

                continue;
            }

            unmappedDebit += stats.Debit;
            unmappedCredit += stats.Credit;
            if (resolution.IsAmbiguous)
            {
                used.UnionWith(resolution.Tied);
                findings.Add(new MappingFinding(FindingSeverity.Error, "AMBIGUOUS_ON_EXPORT", resolution.Tied[0].BaseId, stats.First
                    .File, (int)stats.First.Line,
                    $"account {stats.Account} article {Show(stats)} ({stats.Lines} lines, debit {Euros(stats.Debit)}, credit "
                        + $"{Euros(stats.Credit)}) is matched with equal specificity by "
                    + string.Join(
                        " and ",
                        resolution.Tied.Select(g => $"{g.BaseId} (rules.csv line {g.First.Line})")) + "; make one rule more specific."));
                continue;
            }

            uncovered.Add(stats);
            findings.Add(new MappingFinding(FindingSeverity.Error, "UNCOVERED", null, stats.First.File, (int)stats.First.Line,
                $"no rule covers account {stats.Account} article {Show(stats)}: {stats.Lines} lines, debit {Euros(stats.Debit)}, credit "
                    + $"{Euros(stats.Credit)} would stay unmapped; add a rule."));
        }

        var unused = version.Groups.Where(g => !used.Contains(g)).ToList();
        findings.AddRange(unused
            .Select(g => new MappingFinding(FindingSeverity.Warning, "RULE_UNUSED", g.BaseId, version.RulesPath, g.First.Line,
                $"rule {g.BaseId} ({g.First.SourceText}) matches no line of this export.")));
        return new CoverageReport(entityType, year, lineCount, combinations.Count, mappedLines, mappedDebit, mappedCredit,
            unmappedDebit, unmappedCredit, uncovered, unused, findings);
    }

    private static string Show(CombinationStats stats) => stats.Article?.ToString() ?? "(none)";

    // Findings are read by people, in the console and in reports: amounts as the command line writes them, 1.234,56.
    private static string Euros(Amount amount) => amount.ToLegacy(grouping: true);

    // A rule that keeps the source function (=) can only be checked against the chart once the functions are known.
    private static IEnumerable<MappingFinding> KeptFunctionFindings(MappingVersion version, RuleGroup group, CombinationStats stats)
    {
        if (stats.Article is not { } article)
        {
            yield break;
        }

        foreach (var part in group.Parts.Where(p => p.KeepsSourceFunction))
        {
            var entry = version.Chart.Find(ChartKind.Function, article.Function);
            if (entry is null || !entry.Active)
            {
                yield return new MappingFinding(FindingSeverity.Error, "KEPT_FUNCTION_UNKNOWN", part.Id, version.RulesPath, part.Line,
                    $"rule {part.Id} keeps the source function, but function {article.Function} (article {article}, {stats.First.File} "
                        + $"line {stats.First.Line}) "
                    + $"is {(entry is null ? "not in" : "inactive in")} the chart; add it to the chart or map this article to an explicit "
                        + $"function.");
            }
        }
    }
}
