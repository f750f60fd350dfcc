using System.Text;
using Bascule.Extract.Csv;
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
    // A rules file is read by Bascule, not opened as a spreadsheet: codes are written as they are, never neutralised. The
    // draft is edited by hand and copied into a version folder, so its lines end as the platform's editors expect.
    private static readonly CsvDialect Dialect =
        new(
            ';',
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Environment.NewLine,
            NeutraliseFormulas: false,
            CommentPrefix: '#');

    /// <summary>Creates (or overwrites) the draft at <paramref name="path"/>.</summary>
    public static void Write(string path, SuggestionReport report, MappingVersion version, string exportName)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(version);
        using var csv = new CsvFileWriter(path, Dialect, RulesFile.Columns);
        csv.Comment(Invariant($" Draft rules from bascule mapping suggest: mapping {version.Identity.Id} {version.Identity.Version} ")
            + Invariant($"against {exportName} ({report.EntityType.ToCode()} {report.Year}),"));
        csv.Comment(Invariant($" {report.Combinations} account/article combinations no rule covers: {report.Lines} lines, debit ")
            + Invariant($"{report.Debit}, credit {report.Credit}."));
        csv.Comment(" A draft belongs to no version and is never applied. Review each rule, write its JUSTIFICATION (empty here:");
        csv.Comment(" validation refuses a rule without one), then copy it into a new version folder.");
        foreach (var suggestion in report.Suggestions)
        {
            csv.Comment("");
            Comment(csv, suggestion);
            if (suggestion.Best is { } best)
            {
                var c = suggestion.Combination;
                foreach (var field in new[]
                {
                    suggestion.RuleId, suggestion.EntityType?.ToCode() ?? "", "", c.Account, c.ArticleText,
                    best.TargetAccount, best.TargetEconomic ?? "", best.TargetFunction ?? Rule.KeepFunction, "", "",
                })
                {
                    csv.Value(field);
                }

                csv.EndRecord();
            }
        }
    }

    private static void Comment(CsvFileWriter csv, Suggestion suggestion)
    {
        var c = suggestion.Combination;
        csv.Comment(Invariant($" {suggestion.RuleId}: account {c.Account} article {(c.Article is null ? "(none)" : c.ArticleText)}: ")
            + Invariant($"{c.Lines} lines, debit {c.Debit}, credit {c.Credit} (first: {c.First.File} line {c.First.Line})"));
        for (var i = 0; i < suggestion.Candidates.Count; i++)
        {
            var candidate = suggestion.Candidates[i];
            csv.Comment(Invariant($"   {i + 1}. {candidate.TargetText}, score {candidate.Score:0.00}"));
            Reasons(csv, "account", candidate.Account);
            if (candidate.Economic is { } economic)
            {
                Reasons(csv, "economic", economic);
            }

            if (candidate.Coherence is { } coherence)
            {
                csv.Comment("      pair: " + coherence);
            }
        }

        if (suggestion.Note is { } note)
        {
            csv.Comment("   NOTE: " + note);
        }
    }

    private static void Reasons(CsvFileWriter csv, string kind, ScoredTarget target) =>
        csv.Comment(Invariant($"      {kind} {target.Code} ({target.Score:0.00}): {string.Join("; ", target.Reasons)}"));
}
