using Bascule.Transform.Rules;

namespace Bascule.Transform.Validation;

/// <summary>
/// Two rules are ambiguous when some line could match both with the same specificity. Specificity depends on the
/// patterns only, so this is decided without data: compare the rules of equal specificity pairwise. Reporting every
/// such pair (even when a third, more specific rule would win each line) keeps the proof simple: a version that
/// passes can never meet a tie on a real line. Equal specificity means the same account pattern kind (and, for prefixes,
/// the same length), so two exact accounts or two prefixes can only overlap when they are the same text: the pairs are
/// compared within those smaller groups, which keeps a mapping of tens of thousands of exact-account rules linear.
/// </summary>
internal static class AmbiguityCheck
{
    public static IEnumerable<MappingFinding> Run(MappingVersion version)
    {
        var years = version.Manifest.FiscalYears;
        foreach (var bucket in version.Groups.GroupBy(g => (g.Specificity, Account: SameTextOnly(g.First.Account))))
        {
            var groups = bucket.ToList();
            for (var i = 0; i < groups.Count; i++)
            {
                for (var j = i + 1; j < groups.Count; j++)
                {
                    if (groups[i].Overlaps(groups[j], years))
                    {
                        yield return Finding(version, groups[i].First, groups[j].First);
                    }
                }
            }
        }
    }

    // Exact accounts and prefixes of one length overlap only when their texts are equal; ranges and * are compared pairwise.
    private static string? SameTextOnly(AccountPattern account) =>
        account.Kind is AccountPatternKind.Exact or AccountPatternKind.Prefix ? account.Low : null;

    private static MappingFinding Finding(MappingVersion version, Rule a, Rule b) =>
        new(FindingSeverity.Error, "AMBIGUOUS", b.Id, version.RulesPath, b.Line,
            $"rules {a.Id} (line {a.Line}: {a.SourceText}) and {b.Id} (line {b.Line}: {b.SourceText}) can match the same line with equal "
                + $"specificity; "
            + "make one of them more specific or make them disjoint (entity type, years, account or article).");
}
