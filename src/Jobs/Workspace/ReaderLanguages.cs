using Bascule.Reconcile.Reports;
using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Workspace;

/// <summary>
/// The language of a page of the workspace, chosen by its reader: <c>?lang=fr</c> or <c>?lang=nl</c> (remembered in a
/// cookie for the next pages), else the cookie, else the browser's first preference between French and Dutch, else French.
/// </summary>
public static class ReaderLanguages
{
    public const string Cookie = "bascule-lang";

    public static ReaderLanguage Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Parse(context.Request.Query["lang"]) is { } chosen)
        {
            context.Response.Cookies.Append(Cookie, Bilingual.Tag(chosen), new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                MaxAge = TimeSpan.FromDays(365),
            });
            return chosen;
        }

        if (Parse(context.Request.Cookies[Cookie]) is { } remembered)
        {
            return remembered;
        }

        var preferred = context.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Parse(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return preferred ?? ReaderLanguage.French;
    }

    private static ReaderLanguage? Parse(string? tag) => tag?.Trim().ToLowerInvariant() switch
    {
        ['f', 'r', ..] => ReaderLanguage.French,
        ['n', 'l', ..] => ReaderLanguage.Dutch,
        _ => null,
    };
}
