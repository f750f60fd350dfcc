namespace Bascule.Transform.Validation;

/// <summary>An error makes a version unusable for a run; a warning and a note are for the auditor's attention.</summary>
public enum FindingSeverity
{
    Error,
    Warning,
    Info,
}
