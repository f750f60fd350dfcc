using System.Security.Claims;
using Bascule.Jobs.Composition;
using Bascule.Load.Runs.SignOffs;

namespace Bascule.Jobs.Workspace;

/// <summary>
/// The roles of a reader of <c>serve</c>, as role claims (<see cref="ClaimTypes.Role"/>) on <c>HttpContext.User</c>:
/// <see cref="Operator"/>, <see cref="Accountant"/>, <see cref="Auditor"/> and the separate right <see cref="PersonalData"/>,
/// given by the settings <c>Access:*</c> to the name a user or a client certificate signed in with. A reader who signed in
/// carries its name (<see cref="ClaimTypes.Name"/>) and how it was established (<see cref="AuthenticatedBy"/>:
/// <c>basic</c> or <c>certificate</c>), which a sign-off records.
/// </summary>
public static class WorkspaceRoles
{
    public const string Operator = "operator";
    public const string Accountant = "accountant";
    public const string Auditor = "auditor";
    public const string PersonalData = "personal-data";

    /// <summary>The claim type naming how the reader's name was established: <c>basic</c> or <c>certificate</c>.</summary>
    public const string AuthenticatedBy = "bascule:authenticated-by";

    /// <summary>The identity a gate of <c>serve</c> established: a name, and how (<c>basic</c>, <c>certificate</c>).</summary>
    public static ClaimsIdentity SignedIn(string name, string authenticatedBy) =>
        new(
            [new Claim(ClaimTypes.Name, name), new Claim(AuthenticatedBy, authenticatedBy)],
            authenticatedBy,
            ClaimTypes.Name,
            ClaimTypes.Role);

    /// <summary>The roles <c>Access:*</c> gives <paramref name="name"/>, as an identity to add to the reader's principal.</summary>
    public static ClaimsIdentity Of(AccessOptions access, string name)
    {
        ArgumentNullException.ThrowIfNull(access);
        var roles = new (List<string> Names, string Role)[]
        {
            (access.Operators, Operator), (access.Accountants, Accountant), (access.Auditors, Auditor), (access.PersonalData, PersonalData),
        };
        return Roles(roles.Where(r => r.Names.Contains(name, StringComparer.Ordinal)).Select(r => r.Role));
    }

    /// <summary>
    /// The reader of a <c>serve</c> without users, reachable from this machine only: whoever could run the commands here
    /// reads everything the commands show (the three roles' pages and downloads), and personal data when
    /// <c>Reports:ShowPersonalData</c> shows it to the commands. It has no name, so it cannot sign: a sign-off records who signed.
    /// </summary>
    public static ClaimsPrincipal Local(bool personalData) =>
        new(Roles(personalData ? [Operator, Accountant, Auditor, PersonalData] : [Operator, Accountant, Auditor]));

    /// <summary>The roles a reader may sign with: accountant, auditor, both or none.</summary>
    public static IReadOnlyList<SignOffRole> SigningRoles(ClaimsPrincipal reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (Name(reader) is null)
        {
            return [];
        }

        return [.. new[] { (Accountant, SignOffRole.Accountant), (Auditor, SignOffRole.Auditor) }.Where(r => reader.IsInRole(r.Item1))
            .Select(r => r.Item2)];
    }

    /// <summary>The name the reader signed in with, or null for the local reader of a <c>serve</c> without users.</summary>
    public static string? Name(ClaimsPrincipal reader) =>
        reader?.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : null;

    public static bool MayReadEvidence(ClaimsPrincipal reader) =>
        reader is not null && (reader.IsInRole(Accountant) || reader.IsInRole(Auditor));

    public static bool SeesPersonalData(ClaimsPrincipal reader) => reader is not null && reader.IsInRole(PersonalData);

    // No authentication type: these claims say what the reader may do, not who it is.
    private static ClaimsIdentity Roles(IEnumerable<string> roles) =>
        new(roles.Select(r => new Claim(ClaimTypes.Role, r)), authenticationType: null, ClaimTypes.Name, ClaimTypes.Role);
}
