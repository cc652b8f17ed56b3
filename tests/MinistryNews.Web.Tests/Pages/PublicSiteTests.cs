using System.Net;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>Security headers on every answer, health endpoints, and the rate limit on costly requests.</summary>
public sealed class PublicSiteTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/articles?country=japan")]
    [InlineData("/api/articles")]
    [InlineData("/no/such/page")]
    public async Task Should_send_the_security_headers_on_every_answer(string url)
    {
        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Should_have_no_inline_script_or_style_on_the_pages()
    {
        foreach (var url in new[] { "/", "/articles", "/countries/japan", "/people/nguyen-manh-hung", "/search?q=japan", "/agreements" })
        {
            var page = await archive.PageAsync(url);
            Assert.Empty(page.QuerySelectorAll("script, style, [style], [onclick], [onload]"));
        }
    }

    [Fact]
    public async Task Should_answer_health_and_readiness()
    {
        using var health = await archive.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var ready = await archive.Client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("ready", await ready.Content.ReadAsStringAsync());
    }
}

/// <summary>
/// The limits on answers computed afresh: a client past its limit gets 429 with Retry-After (problem details on the
/// API, the error page on a page), while what the output cache holds and the health checks answer it as ever.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Should_refuse_a_client_past_its_limit_of_computed_answers_and_still_serve_it_what_the_cache_holds()
    {
        await using var app = new ArchiveApplication(costlyRequestsPerMinute: 4);
        using var client = await app.StartAsync();

        // Four answers computed: the meetings and three pages of the agreements (past the last page, each computed apart).
        await AssertOkAsync("/meetings");
        for (var page = 2; page <= 4; page++)
        {
            await AssertOkAsync($"/agreements?page={page}");
        }

        using var refused = await client.GetAsync(new Uri("/delegations?direction=made", UriKind.Relative));
        using var cached = await client.GetAsync(new Uri("/meetings?b=no-such-key", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Too many requests", (await ArchiveApplication.ParseAsync(refused)).QuerySelector("h1")?.TextContent);
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
        Assert.NotNull(cached.Headers.Age);
        for (var i = 0; i < 20; i++)
        {
            using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        async Task AssertOkAsync(string url)
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Null(response.Headers.Age);
        }
    }

    [Fact]
    public async Task Should_refuse_an_api_call_past_the_limit_with_problem_details()
    {
        await using var app = new ArchiveApplication(costlyRequestsPerMinute: 2);
        using var client = await app.StartAsync();
        using (await client.GetAsync(new Uri("/search?q=japan", UriKind.Relative)))
        using (await client.GetAsync(new Uri("/api/articles", UriKind.Relative)))
        {
        }

        using var refused = await client.GetAsync(new Uri("/api/articles?country=japan", UriKind.Relative));
        using var cached = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.RootElement.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, cached.StatusCode);
    }

    [Theory]
    [InlineData("2001:db8::1", "2001:db8::ffff:1", true)]
    [InlineData("2001:db8::1", "2001:db8:0:1::1", false)]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7", true)]
    [InlineData("203.0.113.7", "203.0.113.8", false)]
    public void Should_count_an_ipv6_client_by_its_64_network_and_an_ipv4_client_by_its_address(string one, string other, bool same)
    {
        var first = MinistryNews.Web.Hosting.ClientLimits.Client(System.Net.IPAddress.Parse(one));
        var second = MinistryNews.Web.Hosting.ClientLimits.Client(System.Net.IPAddress.Parse(other));

        Assert.Equal(same, first == second);
    }
}
