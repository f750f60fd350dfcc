using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The gate of every page of an exposed <c>bascule serve</c>: a request passes with an allowed client certificate
/// (authenticated before this middleware, see <see cref="ClientCertificates"/>) or with HTTP basic authentication
/// of a configured dashboard user.
/// </summary>
public sealed class BasicAuthentication(RequestDelegate next, IReadOnlyDictionary<string, string> users)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true || IsAuthorized(context.Request.Headers.Authorization.ToString()))
        {
            await next(context);
            return;
        }

        if (users.Count == 0)
        {
            // Certificates only: nothing a browser could be asked for, so say what is missing.
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("A client certificate listed under Dashboard:Certificates is required.");
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Bascule\", charset=\"UTF-8\"";
    }

    private bool IsAuthorized(string header)
    {
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0
            && users.TryGetValue(decoded[..colon], out var password)
            // Compare digests in constant time so the response time does not leak how much of the password matched.
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(password)), SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..])));
    }
}
