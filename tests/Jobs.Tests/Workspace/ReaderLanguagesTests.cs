using Bascule.Jobs.Workspace;
using Bascule.Reconcile.Reports;
using Microsoft.AspNetCore.Http;

namespace Bascule.Jobs.Tests.Workspace;

public sealed class ReaderLanguagesTests
{
    [Theory]
    [InlineData("lang=nl", null, null, ReaderLanguage.Dutch)]
    [InlineData("lang=FR", "nl", "nl-BE", ReaderLanguage.French)]
    [InlineData("", "nl", "fr-BE", ReaderLanguage.Dutch)]
    [InlineData("", null, "en-GB, nl-BE;q=0.8, fr;q=0.5", ReaderLanguage.Dutch)]
    [InlineData("", null, "fr-BE;q=0.4, nl;q=0.9", ReaderLanguage.Dutch)]
    [InlineData("", null, "nl;q=0, fr;q=0.1", ReaderLanguage.French)]
    [InlineData("lang=de", "xx", "en-US", ReaderLanguage.French)]
    [InlineData("", null, null, ReaderLanguage.French)]
    public void The_query_then_the_cookie_then_the_browser_choose_and_French_is_the_default(
        string query,
        string? cookie,
        string? acceptLanguage,
        ReaderLanguage expected)
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString(query.Length == 0 ? "" : "?" + query);
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = $"{ReaderLanguages.Cookie}={cookie}";
        }

        if (acceptLanguage is not null)
        {
            context.Request.Headers.AcceptLanguage = acceptLanguage;
        }

        Assert.Equal(expected, ReaderLanguages.Of(context));
    }

    [Fact]
    public void A_language_chosen_in_the_query_is_remembered_in_a_strict_http_only_cookie()
    {
        var context = new DefaultHttpContext();
        context.Request.QueryString = new QueryString("?lang=nl");

        ReaderLanguages.Of(context);

        var set = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith($"{ReaderLanguages.Cookie}=nl", set, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", set, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", set, StringComparison.OrdinalIgnoreCase);
    }
}
