using Bascule.Jobs.Composition;
using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Workspace;

/// <summary>
/// Who reads the workspace: the roles of the names users and certificates sign in with (<paramref name="Roles"/>,
/// setting <c>Access:*</c>); whether <c>serve</c> is <paramref name="Exposed"/> (it has users or certificates, so every
/// reader signs in); and whether, when it is not, the local reader sees personal data.
/// </summary>
public sealed record WorkspaceAccess(AccessOptions Roles, bool Exposed, bool LocalPersonalData);

/// <summary>
/// Gives every reader its roles (<see cref="WorkspaceRoles"/>) once the gate let it in: a signed-in user or certificate
/// the roles <c>Access:*</c> gives its name; on a <c>serve</c> without users (this machine only), the local reader's.
/// </summary>
public sealed class WorkspaceReaders(RequestDelegate next, WorkspaceAccess access)
{
    private readonly System.Security.Claims.ClaimsPrincipal? _local = access.Exposed
        ? null
        : WorkspaceRoles.Local(access.LocalPersonalData);

    public Task InvokeAsync(HttpContext context)
    {
        if (WorkspaceRoles.Name(context.User) is { } name)
        {
            context.User.AddIdentity(WorkspaceRoles.Of(access.Roles, name));
        }
        else if (_local is not null)
        {
            context.User = _local;
        }

        return next(context);
    }
}
