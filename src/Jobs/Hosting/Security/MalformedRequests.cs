using System.Net;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting.Security;

/// <summary>
/// Requests that no page of <c>serve</c> can answer get a 4xx status and one log line, never a 500 and a stack trace:
/// a method other than GET, HEAD or POST; a POST that is not a form, or to a page; a GET of a dashboard action (they
/// read a posted form), or of a form of the workspace (signing off, publishing); a body or form over the limits (<see
/// cref="WebSurface.MaxRequestBodyBytes"/>, the form options).
/// </summary>
public sealed partial class MalformedRequests(RequestDelegate next, ILogger<MalformedRequests> logger, string dashboardPath)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var action = IsDashboardAction(request.Path) || Workspace.WorkspaceEndpoints.IsAction(request.Path);
        HttpStatusCode? refusal = request.Method switch
        {
            "GET" or "HEAD" when action => Refuse(context, HttpStatusCode.MethodNotAllowed, "POST"),
            "GET" or "HEAD" => null,
            "POST" when !action => Refuse(context, HttpStatusCode.MethodNotAllowed, "GET, HEAD"),
            "POST" when !request.HasFormContentType => Refuse(context, HttpStatusCode.UnsupportedMediaType, null),
            "POST" => null,
            _ => Refuse(context, HttpStatusCode.MethodNotAllowed, action ? "POST" : "GET, HEAD"),
        };
        if (refusal is not null)
        {
            Refused(
                logger,
                request.Method,
                LogText.Clean(request.Path.Value),
                Address(context),
                (int)refusal.Value,
                "no page answers it that way");
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && SizeFault(ex) is { } status)
        {
            context.Response.Clear();
            context.Response.StatusCode = status;
            Refused(logger, request.Method, LogText.Clean(request.Path.Value), Address(context), status, LogText.Clean(ex.Message, 200));
        }
    }

    /// <summary>
    /// Whether the dashboard answers this path with an action rather than a page: its commands (delete, requeue, trigger,
    /// remove a recurring job) and its statistics read a posted form. Hangfire keeps those dispatchers' types internal,
    /// so they are known by name; the tests GET each kind of action and expect 405.
    /// </summary>
    private bool IsDashboardAction(PathString path) =>
        path.StartsWithSegments(dashboardPath, out var rest)
        && DashboardRoutes.Routes.FindDispatcher(rest.HasValue ? rest.Value : "/") is { } found
        && found.Item1.GetType().Name is "CommandDispatcher" or "BatchCommandDispatcher" or "JsonStats";

    private static HttpStatusCode? Refuse(HttpContext context, HttpStatusCode status, string? allow)
    {
        context.Response.StatusCode = (int)status;
        if (allow is not null)
        {
            context.Response.Headers.Allow = allow;
        }

        return status;
    }

    // Kestrel's body limit (413), and the form reader's limits on counts and lengths (an InvalidDataException), also
    // when the antiforgery check met them first, reading the form for its token.
    private static int? SizeFault(Exception ex) => ex switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        InvalidDataException => StatusCodes.Status413PayloadTooLarge,
        AntiforgeryValidationException { InnerException: { } inner } => SizeFault(inner),
        _ => null,
    };

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown address";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} from {Address} with {Status}: {Reason}.")]
    private static partial void Refused(ILogger logger, string method, string path, string address, int status, string reason);
}
