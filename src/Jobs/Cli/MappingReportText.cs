using System.Globalization;
using System.Text;
using Bascule.Transform.Validation;

namespace Bascule.Jobs.Cli;

/// <summary>The validation report as plain text, for a terminal or a CI log.</summary>
public static class MappingReportText
{
    public static string Write(MappingValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(validation.Identity is { } id
            ? $"Mapping {id.Id} {id.Version}  sha256 {id.Sha256}"
            : $"Mapping in {validation.Directory}: could not be read");
        if (validation.Coverage is { } c)
        {
            var share = c.Combinations == 0 ? 100m : 100m * (c.Combinations - c.Uncovered.Count) / c.Combinations;
            text.AppendLine(inv, $"Export {validation.ExportFolder} ({c.EntityType.ToString().ToUpperInvariant()} {c.Year}): "
                + $"{Figures.Count(c.Lines)} lines, {Figures.Count(c.Combinations)} account/article combinations");
            text.AppendLine(inv, $"  covered: {Figures.Count(c.Combinations - c.Uncovered.Count)} of {Figures.Count(c.Combinations)} "
                + $"combinations ({Figures.Percent(share)}), {Figures.Count(c.MappedLines)} lines, debit "
                    + $"{Figures.Amount(c.MappedDebit.Value)}, credit {Figures.Amount(c.MappedCredit.Value)}");
            text.AppendLine(inv, $"  unmapped: {Figures.Count(c.UnmappedLines)} lines, debit {Figures.Amount(c.UnmappedDebit.Value)}, "
                + $"credit {Figures.Amount(c.UnmappedCredit.Value)}");
            text.AppendLine(inv, $"  rules never used: {Figures.Count(c.UnusedRules.Count)}; damaged lines rejected by Extract (not "
                + $"checked): {Figures.Count(validation.RejectedLines)}");
        }

        text.AppendLine(inv, $"Findings: {Figures.Count(validation.Count(FindingSeverity.Error))} error(s), "
            + $"{Figures.Count(validation.Count(FindingSeverity.Warning))} warning(s), "
                + $"{Figures.Count(validation.Count(FindingSeverity.Info))} note(s)");
        foreach (var finding in validation.Findings)
        {
            text.Append("  ").AppendLine(finding.ToString());
        }

        text.AppendLine(validation.IsValid ? "Result: VALID" : "Result: NOT VALID");
        return text.ToString();
    }
}
