namespace Bascule.Load.Runs.SignOffs;

/// <summary>The roles that may sign a run's report off.</summary>
public enum SignOffRole
{
    Accountant,
    Auditor,
}

/// <summary>What the signer decided: that they reviewed the report, or that a held run is published over it.</summary>
public enum SignOffDecision
{
    Reviewed,
    PublishHeld,
}

/// <summary>
/// The signer as the host authenticated them: <paramref name="Name"/> (a dashboard user, a client certificate's name,
/// or the operating-system account that ran the command), the role the configuration gives that name, and how the name
/// was established (<c>basic</c>, <c>certificate</c>, <c>os</c>).
/// </summary>
public sealed record Signer(string Name, SignOffRole Role, string AuthenticatedBy);

/// <summary>The report the signer read: its file name and the SHA-256 of its bytes, as <c>sha256sum</c> prints it.</summary>
public sealed record ReadReport(string Name, string Sha256);

/// <summary>
/// A sign-off as it is asked for, before it is written: who, which report and what it showed, the decision and the
/// comment. The run's fingerprint is read by the store, in the same transaction as the insert; so is its reconciliation
/// status when <paramref name="Reconciliation"/> is null (a comment is then required unless it is OK).
/// </summary>
public sealed record SignOffRequest(Signer Signer, ReadReport Report, string? Reconciliation, SignOffDecision Decision, string? Comment);

/// <summary>A sign-off as recorded: never changed or deleted once written.</summary>
public sealed record SignOff(
    long Id,
    RunId Run,
    DateTime SignedUtc,
    Signer Signer,
    string Fingerprint,
    ReadReport Report,
    string Reconciliation,
    SignOffDecision Decision,
    string? Comment);

public static class SignOffCodes
{
    public static string ToCode(this SignOffRole role) => role switch
    {
        SignOffRole.Accountant => "accountant",
        SignOffRole.Auditor => "auditor",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string ToCode(this SignOffDecision decision) => decision switch
    {
        SignOffDecision.Reviewed => "reviewed",
        SignOffDecision.PublishHeld => "publish-held",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, null),
    };

    public static SignOffRole ParseRole(string code) => code switch
    {
        "accountant" => SignOffRole.Accountant,
        "auditor" => SignOffRole.Auditor,
        _ => throw new FormatException($"Unknown sign-off role '{code}'."),
    };

    public static SignOffDecision ParseDecision(string code) => code switch
    {
        "reviewed" => SignOffDecision.Reviewed,
        "publish-held" => SignOffDecision.PublishHeld,
        _ => throw new FormatException($"Unknown sign-off decision '{code}'."),
    };
}
