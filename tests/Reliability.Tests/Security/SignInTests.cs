using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Bascule.Reliability.Tests.Security;

/// <summary>
/// The real <c>bascule serve</c> with a dashboard user (basic authentication): a signed-in user's browser still refuses
/// to carry out another site's form post, and a password guessed again and again is slowed down and logged.
/// </summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly string _password = "pw-" + Guid.NewGuid().ToString("N");
    private ServedProcess? _served;

    private ServedProcess Served => _served!;

    public async ValueTask InitializeAsync() =>
        _served = await ServedProcess.StartAsync(new Dictionary<string, string> { ["BASCULE_DASHBOARD__USERS__alice"] = _password });

    public async ValueTask DisposeAsync()
    {
        if (_served is not null)
        {
            await _served.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_cross_site_post_with_the_user_s_credentials_but_no_token_is_refused()
    {
        using var http = Served.Client();
        http.DefaultRequestHeaders.Authorization = Basic("alice", _password);
        using var page = await http.GetAsync("/hangfire", TestContext.Current.CancellationToken);
        using var post = WebSurfaceTests.CrossSitePost("/hangfire/jobs/enqueued/delete");

        using var response = await http.SendAsync(post, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Fifty_wrong_passwords_are_throttled_and_logged_without_the_password()
    {
        var ct = TestContext.Current.CancellationToken;
        using var http = Served.Client();
        var statuses = new List<HttpStatusCode>();
        var guesses = Enumerable.Range(0, 50).Select(i => $"guess-{i}-{Guid.NewGuid():N}").ToList();
        foreach (var guess in guesses)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/");
            request.Headers.Authorization = Basic(guess.StartsWith("guess-1", StringComparison.Ordinal) ? "mallory" : "alice", guess);
            using var response = await http.SendAsync(request, ct);
            statuses.Add(response.StatusCode);
        }

        // Even the right password is not looked at while the address is locked out.
        using var right = new HttpRequestMessage(HttpMethod.Get, "/");
        right.Headers.Authorization = Basic("alice", _password);
        using var locked = await http.SendAsync(right, ct);

        var log = Regex.Replace(Served.Process.Output, @"\s+", " ");
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(46, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {locked.Headers.RetryAfter}");
        Assert.Contains("Failed sign-in as user 'alice' (wrong password) from 127.0.0.1: 1 in a row.", log, StringComparison.Ordinal);
        Assert.Contains("Failed sign-in as user 'mallory' (no such user) from 127.0.0.1", log, StringComparison.Ordinal);
        Assert.Contains("Sign-ins from 127.0.0.1 locked out for 30 s after 5 failures in a row.", log, StringComparison.Ordinal);
        Assert.All(guesses, g => Assert.DoesNotContain(g, Served.Process.Output, StringComparison.Ordinal));
        Assert.DoesNotContain(_password, Served.Process.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_user_name_cannot_write_a_log_line_of_its_own()
    {
        using var http = Served.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Authorization = Basic("bob\ninfo - Signed in as admin", "x");

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Failed sign-in as user 'bob\\u000ainfo - Signed in as admin'", Served.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Served.Process.Output.Split('\n'), l => l.StartsWith("info: Signed in", StringComparison.Ordinal));
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
