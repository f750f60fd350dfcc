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
            text.AppendLine(inv, $"Export {validation.ExportFolder} ({c.EntityType.ToString().ToUpperInvariant()} {c.Year}): {c.Lines} lines, {c.Combinations} account/article combinations");
            text.AppendLine(inv, $"  covered: {c.Combinations - c.Uncovered.Count} of {c.Combinations} combinations ({share:0.0}%), {c.MappedLines} lines, debit {c.MappedDebit}, credit {c.MappedCredit}");
            text.AppendLine(inv, $"  unmapped: {c.UnmappedLines} lines, debit {c.UnmappedDebit}, credit {c.UnmappedCredit}");
            text.AppendLine(inv, $"  rules never used: {c.UnusedRules.Count}; damaged lines rejected by Extract (not checked): {validation.RejectedLines}");
        }

        text.AppendLine(inv, $"Findings: {validation.Count(FindingSeverity.Error)} error(s), {validation.Count(FindingSeverity.Warning)} warning(s), {validation.Count(FindingSeverity.Info)} note(s)");
        foreach (var finding in validation.Findings)
        {
            text.Append("  ").AppendLine(finding.ToString());
        }

        text.AppendLine(validation.IsValid ? "Result: VALID" : "Result: NOT VALID");
        return text.ToString();
    }
}
