using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// What every request to <c>serve</c> passes before a page: the host name checked (<see cref="AllowedHosts"/>), the
/// security headers (<see cref="SecurityHeaders"/>), malformed requests answered 4xx (<see cref="MalformedRequests"/>),
/// and antiforgery registered, which Hangfire's dashboard then checks on every action it is posted: a form posted from
/// another site carries no token and gets 403.
/// </summary>
public static class WebSurface
{
    /// <summary>The dashboard's largest form, a batch of 500 job ids (its longest page), is a few tens of kilobytes.</summary>
    public const long MaxRequestBodyBytes = 256 * 1024;

    public static WebApplicationBuilder AddWebSurface(this WebApplicationBuilder builder, IReadOnlyList<string> allowedHosts)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.ValueCountLimit = 1024;
            form.ValueLengthLimit = 4 * 1024;
            form.KeyLengthLimit = 256;
            form.MultipartBodyLengthLimit = MaxRequestBodyBytes;
        });
        builder.Services.AddHostFiltering(hosts =>
        {
            hosts.AllowedHosts = [.. allowedHosts];
            hosts.AllowEmptyHosts = false;
        });
        // The antiforgery cookie is SameSite=Strict and HttpOnly by default; X-Frame-Options is SecurityHeaders' (DENY).
        builder.Services.AddAntiforgery(antiforgery => antiforgery.SuppressXFrameOptionsHeader = true);
        builder.Services.AddSingleton<SignInThrottle>();
        return builder;
    }

    public static WebApplication UseWebSurface(this WebApplication app, string dashboardPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        app.UseHostFiltering();
        app.UseMiddleware<MalformedRequests>(dashboardPath);
        return app;
    }
}
