using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bascule.Jobs.Hosting.Health;

/// <summary>
/// A page that fails because a database cannot be reached (the staging database for the fleet page and reports, the job
/// storage for the dashboard) answers 503 with a short message in French and Dutch, never a stack trace, and the fault
/// goes to the log, scrubbed. Nothing is kept of the failure: the next request tries the database again, so pages come
/// back by themselves once it is back.
/// </summary>
public sealed class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> logger)
{
    // Written as it stands (its bytes are part of pages and reports): a few lines are longer than 140 characters.
#pragma warning disable RCS0056
    public const string Body = """
        <!DOCTYPE html>
        <html lang="fr"><head><meta charset="utf-8"><title>Bascule – indisponible / niet beschikbaar</title></head>
        <body><h1>Base de données indisponible / Database niet beschikbaar</h1>
        <p lang="fr">Bascule ne peut pas joindre sa base de données pour l'instant. Réessayez dans quelques minutes ; si cela dure, prévenez le service informatique.</p>
        <p lang="nl">Bascule kan zijn database op dit moment niet bereiken. Probeer het over enkele minuten opnieuw; duurt het langer, verwittig dan de informaticadienst.</p>
        </body></html>
        """;
#pragma warning restore RCS0056

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (DatabaseFault(ex) is { } fault && !context.Response.HasStarted)
        {
            var which = context.Request.Path.StartsWithSegments("/hangfire", StringComparison.Ordinal)
                ? "the job storage"
                : "the staging database";
            logger.LogWarning(
                "{Method} {Path} answered 503: {Which} could not be used: {Reason}",
                context.Request.Method,
                context.Request.Path,
                which,
                fault.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            context.Response.Headers.CacheControl = "no-store";
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Body, context.RequestAborted);
        }
    }

    /// <summary>The database fault anywhere in the chain, or null: the driver's own, or one a library (Hangfire's storage)
    /// wrapped.</summary>
    public static DbException? DatabaseFault(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is DbException fault)
            {
                return fault;
            }
        }

        return null;
    }
}
