using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// The headers of every response of <c>serve</c>: no other site may frame its pages (clickjacking of the dashboard's
/// buttons), run scripts or load anything but this origin's own files in them, or learn their addresses through the
/// referrer; browsers must not guess content types; and nothing is cached, since the fleet page and the reports hold
/// figures and third parties' names (the dashboard's scripts and styles too: Hangfire sets no caching of its own, and
/// a handler that sets one keeps it).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    /// <summary>
    /// The dashboard's pages set a few <c>style</c> attributes, hence <c>'unsafe-inline'</c> for styles only; scripts
    /// come only from the dashboard's own script file, and nothing may be posted to another site.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!headers.ContainsKey(HeaderNames.CacheControl))
            {
                headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
