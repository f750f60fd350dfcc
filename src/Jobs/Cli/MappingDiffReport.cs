using System.Globalization;
using System.Text;
using Bascule.Extract.Values;
using Bascule.Jobs.Cli.Json;
using Bascule.Transform.Diff;
using Bascule.Transform.Rules;
using Bascule.Transform.Validation;

namespace Bascule.Jobs.Cli;

/// <summary>How <c>bascule mapping diff</c> shows a <see cref="MappingDiff"/>: plain text for people, or one JSON document.</summary>
public static class MappingDiffReport
{
    public static string Text(MappingDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        var (o, n) = (diff.Old.Identity, diff.New.Identity);
        text.AppendLine(inv, $"From {o.Id} {o.Version} ({o.Sha256[..12]}) to {n.Id} {n.Version} ({n.Sha256[..12]})");
        text.AppendLine(inv, $"Rules: {Figures.Count(diff.Count(RuleChangeKind.Added))} added, "
            + $"{Figures.Count(diff.Count(RuleChangeKind.Removed))} removed, {Figures.Count(diff.Count(RuleChangeKind.Changed))} changed");
        foreach (var change in diff.Changes)
        {
            text.AppendLine(change.Kind switch
            {
                RuleChangeKind.Added => string.Create(
                    inv,
                    $"  + {change.RuleId} (line {change.New!.Line}): {change.New.SourceText} -> {change.New.TargetText} "
                        + $"{change.New.Share}%"),
                RuleChangeKind.Removed => string.Create(
                    inv,
                    $"  - {change.RuleId} (line {change.Old!.Line}): {change.Old.SourceText} -> {change.Old.TargetText} "
                        + $"{change.Old.Share}%"),
                _ => string.Create(
                    inv,
                    $"  ~ {change.RuleId} (line {change.Old!.Line} -> {change.New!.Line}): {string.Join(", ", change.Fields)}: ")
                    + string.Create(inv, $"{change.Old.SourceText} -> {change.Old.TargetText} {change.Old.Share}%  became  "
                        + $"{change.New.SourceText} -> {change.New.TargetText} {change.New.Share}%"),
            });
        }

        if (diff is { Movements: { } moves, On: { } on })
        {
            text.AppendLine(
                inv,
                $"Euros moved on {on.Name} ({on.EntityType.ToCode()} {on.Year}): {Figures.Count(moves.Count)} movement(s)");
            foreach (var move in moves)
            {
                text.AppendLine(inv, $"  {move.From}  =>  {move.To}: debit {Figures.Amount(move.Debit.Value)}, credit "
                    + $"{Figures.Amount(move.Credit.Value)}, {Figures.Count(move.Lines)} line(s) [{string.Join("; ", move.Rules)}]");
            }
        }

        var validation = diff.NewValidation;
        text.AppendLine(inv, $"New version findings{(diff.On is { } lines ? $" on {lines.Name}" : "")}: "
            + $"{Figures.Count(validation.Count(FindingSeverity.Error))} error(s), "
                + $"{Figures.Count(validation.Count(FindingSeverity.Warning))} warning(s), "
                    + $"{Figures.Count(validation.Count(FindingSeverity.Info))} note(s)");
        foreach (var finding in validation.Findings)
        {
            text.Append("  ").AppendLine(finding.ToString());
        }

        text.AppendLine(NewVersionVerdict.Sentence(validation, diff.On));
        return text.ToString();
    }

    public static MappingDiffDocument Document(MappingDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        return new(
            Version(diff.OldDirectory, diff.Old),
            Version(diff.NewDirectory, diff.New),
            diff.Identical,
            diff.Count(RuleChangeKind.Added),
            diff.Count(RuleChangeKind.Removed),
            diff.Count(RuleChangeKind.Changed),
            [.. diff.Changes
                .Select(c => new RuleChangeJson(c.Kind.ToString().ToLowerInvariant(), c.RuleId, c.Fields, RuleOf(c.Old), RuleOf(c.New)))],
            diff is { Movements: { } moves, On: { } on }
                ? new MovementsJson(
                    on.ExportFolder is { } folder ? Path.GetFullPath(folder) : null,
                    on.RunId,
                    on.EntityType.ToCode(),
                    on.Year.Value,
                    [.. moves.Select(m => new MovementJson(m.From, m.To, m.Lines, m.Debit.Value, m.Credit.Value, m.Rules))])
                : null,
            NewVersion(diff));
    }

    private static NewVersionJson NewVersion(MappingDiff diff)
    {
        var validation = diff.NewValidation;
        return new(
            NewVersionVerdict.Status(validation),
            !validation.IsValid && NewVersionVerdict.WouldBeRefused(validation),
            validation.Count(FindingSeverity.Error),
            validation.Count(FindingSeverity.Warning),
            validation.Count(FindingSeverity.Info),
            [.. validation.Findings
                .Select(f => new FindingJson(f.Severity.ToString().ToUpperInvariant(), f.Check, f.RuleId, f.File, f.Line, f.Message))],
            NewVersionVerdict.Sentence(validation, diff.On));
    }

    private static MappingVersionJson Version(string directory, Transform.MappingVersion version) =>
        new(Path.GetFullPath(directory), version.Identity.Id, version.Identity.Version, version.Identity.Sha256);

    private static RuleJson? RuleOf(Rule? rule) =>
        rule is null ? null : new(rule.Line, rule.SourceText, rule.TargetText, (double)rule.Share);
}
