using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Bascule.Jobs.Hosting.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting;

/// <summary>
/// The gate of every page of an exposed <c>bascule serve</c>: a request passes with an allowed client certificate
/// (authenticated before this middleware, see <see cref="ClientCertificates"/>) or with HTTP basic authentication
/// of a configured dashboard user. Each failed sign-in is logged with the user name tried and the client's address
/// (never the password), and an address that keeps failing is locked out for a while (<see cref="SignInThrottle"/>).
/// </summary>
public sealed partial class BasicAuthentication(
    RequestDelegate next,
    IReadOnlyDictionary<string, string> users,
    SignInThrottle throttle,
    ILogger<BasicAuthentication> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
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

        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            // No credentials yet: what a browser sends first, no failure.
            Challenge(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        if (throttle.LockedFor(address) is { } locked)
        {
            // Not even checked: a guess made during the lockout tells nothing, right or wrong.
            await TooManyAsync(context, locked);
            return;
        }

        var (user, known, right) = Check(header);
        if (right)
        {
            throttle.Succeeded(address);
            context.User = new ClaimsPrincipal(Workspace.WorkspaceRoles.SignedIn(user, "basic"));
            await next(context);
            return;
        }

        var (inARow, lockout) = throttle.Failed(address);
        FailedSignIn(logger, LogText.Clean(user), known ? "wrong password" : "no such user", address.ToString(), inARow);
        if (lockout is { } wait)
        {
            LockedOut(logger, address.ToString(), (int)Math.Ceiling(wait.TotalSeconds), inARow);
            await TooManyAsync(context, wait);
            return;
        }

        Challenge(context);
    }

    private static void Challenge(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Basic realm=\"Bascule\", charset=\"UTF-8\"";
    }

    private static Task TooManyAsync(HttpContext context, TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Too many failed sign-ins from this address: try again in {seconds} s. / Trop de connexions échouées depuis cette adresse : "
                + $"réessayez dans {seconds} s. / Te veel mislukte aanmeldingen vanaf dit adres: probeer opnieuw over {seconds} s."));
    }

    /// <summary>The user name sent (empty when unreadable), whether it is a configured user, and whether the password is right.</summary>
    private (string User, bool Known, bool Right) Check(string header)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return ("", false, false);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return ("", false, false);
        }

        var user = decoded[..colon];
        var known = users.TryGetValue(user, out var password);
        // Compare digests in constant time so the response time does not leak how much of the password matched.
        var right = known && CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(password!)), SHA256.HashData(Encoding.UTF8.GetBytes(decoded[(colon + 1)..])));
        return (user, known, right);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in as user '{User}' ({Reason}) from {Address}: {InARow} in a row.")]
    private static partial void FailedSignIn(ILogger logger, string user, string reason, string address, int inARow);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sign-ins from {Address} locked out for {Seconds} s after {InARow} failures in a row.")]
    private static partial void LockedOut(ILogger logger, string address, int seconds, int inARow);
}
