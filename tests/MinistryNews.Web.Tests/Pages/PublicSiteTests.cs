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

public sealed class RateLimitTests
{
    [Fact]
    public async Task Should_answer_429_with_retry_after_past_the_limit_of_costly_requests_and_leave_pages_alone()
    {
        await using var app = new ArchiveApplication(costlyRequestsPerMinute: 3);
        using var client = await app.StartAsync();

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await client.GetAsync(new Uri($"/search?q=japan{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await client.GetAsync(new Uri("/api/articles", UriKind.Relative));
        using var page = await client.GetAsync(new Uri("/articles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
