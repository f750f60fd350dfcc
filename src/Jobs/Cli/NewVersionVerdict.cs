using Bascule.Transform.Coverage;

namespace Bascule.Jobs.Cli;

/// <summary>
/// The plain sentence <c>mapping diff</c> ends with about its new version, so a reviewer never approves a change that
/// migrate would not accept. Of a version that is not valid, migrate refuses it (or stops on the lines concerned) for
/// every error but lines no rule covers: those it loads as unmapped, and the reconciliation flags them as exceptions.
/// </summary>
public static class NewVersionVerdict
{
    /// <summary>The one finding migrate lets through: lines no rule covers stay unmapped.</summary>
    public const string Uncovered = "UNCOVERED";

    public static string Status(MappingValidation validation) => validation.IsValid ? "VALID" : "NOT_VALID";

    /// <summary>True when migrate would refuse the version (or stop) rather than load it with unmapped lines.</summary>
    public static bool WouldBeRefused(MappingValidation validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return validation.Findings.Any(f => f.IsError && f.Check != Uncovered);
    }

    public static string Sentence(MappingValidation validation, MovedLines? on)
    {
        ArgumentNullException.ThrowIfNull(validation);
        var name = validation.Identity is { } id ? $"{id.Id} {id.Version}" : validation.Directory;
        if (validation.IsValid)
        {
            return on is null
                ? $"The new version {name} is VALID (without an export: give --export or --run to check its coverage too)."
                : $"The new version {name} is VALID on {on.Name}.";
        }

        var errors = validation.Findings.Count(f => f.IsError);
        if (WouldBeRefused(validation))
        {
            return $"The new version {name} is NOT VALID ({Figures.Count(errors)} error(s)): migrate would refuse it; fix the findings "
                + $"above before it is approved.";
        }

        var unmapped = validation.Coverage is CoverageReport c
            ? $"{Figures.Count(c.UnmappedLines)} line(s) (debit {Figures.Amount(c.UnmappedDebit.Value)}, credit "
                + $"{Figures.Amount(c.UnmappedCredit.Value)})"
            : "lines";
        return $"The new version {name} is NOT VALID ({Figures.Count(errors)} error(s)): migrate would leave {unmapped} of {on?.Name} "
            + $"unmapped "
            + "and the reconciliation would flag them as exceptions; add rules for them before it is approved.";
    }
}
