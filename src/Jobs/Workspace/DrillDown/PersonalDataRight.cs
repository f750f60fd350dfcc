using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Workspace.DrillDown;

/// <summary>
/// Whether the reader may see third parties' personal data unmasked: the right is the role <see cref="Role"/> of the
/// authenticated user (a role claim, as the roles from configuration will give it). No role, no right: masked.
/// </summary>
public static class PersonalDataRight
{
    public const string Role = "personal-data";

    public static bool Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated == true && context.User.IsInRole(Role);
    }
}
