using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The web surface of the real <c>bascule serve</c> on loopback, probed with real HTTP requests as an attacker's page
/// would send them: cross-site form posts to every kind of dashboard action, a foreign host name (DNS rebinding),
/// malformed and oversized requests; and the headers every response carries.
/// </summary>
public sealed partial class WebSurfaceTests(WebSurfaceTests.LoopbackServe serve) : IClassFixture<WebSurfaceTests.LoopbackServe>
{
    /// <summary>One of each kind of dashboard action: batch commands on jobs, single-job commands, recurring-job commands.</summary>
    public static readonly TheoryData<string> Actions = new(
        "/hangfire/jobs/enqueued/delete",
        "/hangfire/jobs/enqueued/requeue",
        "/hangfire/jobs/failed/requeue",
        "/hangfire/jobs/actions/requeue/1",
        "/hangfire/jobs/actions/delete/1",
        "/hangfire/recurring/trigger",
        "/hangfire/recurring/remove");

    private ServedProcess Served => serve.Served;

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_cross_site_form_post_to_a_dashboard_action_is_refused(string action)
    {
        using var http = Served.Client();
        using var post = CrossSitePost(action);

        using var response = await http.SendAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_dashboard_own_post_with_its_token_and_cookie_is_accepted()
    {
        var cookies = new CookieContainer();
        using var http = Served.Client(cookies);
        var page = await http.GetStringAsync("/hangfire/jobs/enqueued", TestContext.Current.CancellationToken);
        var header = Meta().Match(page) is { Success: true } h
            ? h.Groups[2].Value
            : throw new InvalidOperationException("No csrf-header in:\n" + page);
        var token = Token().Match(page).Groups[1].Value;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/hangfire/jobs/enqueued/delete")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", "no-such-job")]),
        };
        post.Headers.Add(header, token);

        using var response = await http.SendAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task Every_form_of_bascule_s_own_pages_carries_an_antiforgery_token()
    {
        using var http = Served.Client();

        var page = await http.GetStringAsync("/", TestContext.Current.CancellationToken);

        // Today the fleet page has no form (its actions are the dashboard's); one added later must carry the token.
        var forms = Regex.Split(page, "<form", RegexOptions.IgnoreCase).Skip(1).ToList();
        Assert.All(forms, f => Assert.Contains(
            "__RequestVerificationToken",
            f[..f.IndexOf("</form>", StringComparison.OrdinalIgnoreCase)],
            StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("127.0.0.1.evil.example")]
    public async Task A_request_for_another_host_name_is_refused(string host)
    {
        using var http = Served.Client();
        foreach (var path in (string[])["/", "/hangfire", "/runs/0197a3c2-0000-7000-8000-000000000000/reconciliation.html"])
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, path);
            get.Headers.Host = host;

            using var response = await http.SendAsync(get, TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Loopback_names_are_served(string name)
    {
        using var http = Served.Client();
        using var get = new HttpRequestMessage(HttpMethod.Get, "/");
        get.Headers.Host = $"{name}:{new Uri(Served.Url).Port}";

        using var response = await http.SendAsync(get, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/succeeded")]
    [InlineData("/runs/0197a3c2-0000-7000-8000-000000000000/reconciliation.html")]
    [InlineData("/no/such/page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var http = Served.Client();

        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task A_get_of_a_dashboard_action_is_405_not_500(string action)
    {
        using var http = Served.Client();

        using var response = await http.GetAsync(action, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", string.Join(",", response.Content.Headers.Allow));
        NoStackTrace();
    }

    [Fact]
    public async Task Malformed_requests_get_4xx_and_no_stack_trace()
    {
        using var http = Served.Client();
        var ct = TestContext.Current.CancellationToken;
        var many = Enumerable.Range(0, 2000)
            .Select(i => new KeyValuePair<string, string>("jobs[]", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var huge = new string('x', 1024 * 1024);

        using var stats = await http.GetAsync("/hangfire/stats", ct);
        using var json = await http.PostAsync(
            "/hangfire/jobs/enqueued/delete",
            new StringContent("{\"jobs\":[1]}", Encoding.UTF8, "application/json"),
            ct);
        // Sent with Expect: 100-continue, as browsers and proxies may: the server's refusal comes before the body is sent,
        // where a client still writing a body the server refused without reading could break its pipe first.
        using var tooManyValues = await http.SendAsync(Post("/hangfire/jobs/enqueued/delete", new FormUrlEncodedContent(many)), ct);
        using var tooLarge = await http.SendAsync(
            Post(
                "/hangfire/jobs/enqueued/delete",
                new StringContent("jobs[]=" + huge, Encoding.ASCII, "application/x-www-form-urlencoded")),
            ct);
        using var postToPage = await http.PostAsync("/", new FormUrlEncodedContent([new("a", "b")]), ct);
        using var delete = await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/hangfire/jobs/enqueued/delete"), ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, stats.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooManyValues.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, postToPage.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        NoStackTrace();
        Assert.Contains("Refused POST /hangfire/jobs/enqueued/delete from 127.0.0.1 with 413", CliFlat(), StringComparison.Ordinal);
    }

    /// <summary>A form post as a page of evil.example makes a browser send it: its origin and referrer, no token, no cookie.</summary>
    internal static HttpRequestMessage CrossSitePost(string action)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent([new("jobs[]", "1")]) };
        post.Headers.Add("Origin", "http://evil.example");
        post.Headers.Referrer = new Uri("http://evil.example/");
        post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return post;
    }

    private string CliFlat() => Regex.Replace(Served.Process.Output, @"\s+", " ");

    private void NoStackTrace()
    {
        Assert.DoesNotContain("   at ", Served.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", Served.Process.Output, StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(string path, HttpContent content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.ExpectContinue = true;
        return request;
    }

    [GeneratedRegex("<meta name=\"csrf-(header)\" content=\"([^\"]+)\">")]
    private static partial Regex Meta();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\">")]
    private static partial Regex Token();

    /// <summary>One serve for the class: none of these tests changes what the others see.</summary>
    public sealed class LoopbackServe : IAsyncLifetime
    {
        private ServedProcess? _served;

        public ServedProcess Served => _served!;

        public async ValueTask InitializeAsync() => _served = await ServedProcess.StartAsync();

        public async ValueTask DisposeAsync()
        {
            if (_served is not null)
            {
                await _served.DisposeAsync();
            }
        }
    }
}
