using System.Text;
using Bascule.Extract.Values;
using Bascule.Transform.Rules;
using static System.FormattableString;

namespace Bascule.Transform.Suggestions;

/// <summary>
/// Writes the suggestions as a draft in the <c>rules.csv</c> format: the same header, then for each uncovered
/// combination a block of <c>#</c> comment lines (what the lines are, the ranked candidates with their scores and
/// reasons) above one rule with the best candidate. Every <c>JUSTIFICATION</c> is left empty on purpose: validation
/// refuses such a rule (NO_JUSTIFICATION), so a draft only becomes a mapping once a person has written why each rule
/// is right. A combination without any candidate gets the comment block and no rule.
/// </summary>
public static class DraftRulesFile
{
    public static string Write(SuggestionReport report, MappingVersion version, string exportName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(version);
        var text = new StringBuilder();
        text.AppendLine(string.Join(';', RulesFile.Columns));
        text.AppendLine(Invariant($"# Draft rules from bascule mapping suggest: mapping {version.Identity.Id} {version.Identity.Version} against {exportName} ({report.EntityType.ToCode()} {report.Year}),"));
        text.AppendLine(Invariant($"# {report.Combinations} account/article combinations no rule covers: {report.Lines} lines, debit {report.Debit}, credit {report.Credit}."));
        text.AppendLine("# A draft belongs to no version and is never applied. Review each rule, write its JUSTIFICATION (empty here:");
        text.AppendLine("# validation refuses a rule without one), then copy it into a new version folder.");
        foreach (var suggestion in report.Suggestions)
        {
            text.AppendLine("#");
            Comment(text, suggestion);
            if (suggestion.Best is { } best)
            {
                var c = suggestion.Combination;
                text.AppendLine(string.Join(';', suggestion.RuleId, suggestion.EntityType?.ToCode() ?? "", "", c.Account, c.ArticleText,
                    best.TargetAccount, best.TargetEconomic ?? "", best.TargetFunction ?? Rule.KeepFunction, "", ""));
            }
        }

        return text.ToString();
    }

    private static void Comment(StringBuilder text, Suggestion suggestion)
    {
        var c = suggestion.Combination;
        text.AppendLine(Invariant($"# {suggestion.RuleId}: account {c.Account} article {(c.Article is null ? "(none)" : c.ArticleText)}: {c.Lines} lines, debit {c.Debit}, credit {c.Credit} (first: {c.First.File} line {c.First.Line})"));
        for (var i = 0; i < suggestion.Candidates.Count; i++)
        {
            var candidate = suggestion.Candidates[i];
            text.AppendLine(Invariant($"#   {i + 1}. {candidate.TargetText}, score {candidate.Score:0.00}"));
            Reasons(text, "account", candidate.Account);
            if (candidate.Economic is { } economic)
            {
                Reasons(text, "economic", economic);
            }

            if (candidate.Coherence is { } coherence)
            {
                text.AppendLine("#      pair: " + coherence);
            }
        }

        if (suggestion.Note is { } note)
        {
            text.AppendLine("#   NOTE: " + note);
        }
    }

    private static void Reasons(StringBuilder text, string kind, ScoredTarget target) =>
        text.AppendLine(Invariant($"#      {kind} {target.Code} ({target.Score:0.00}): {string.Join("; ", target.Reasons)}"));
}
