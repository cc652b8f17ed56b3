using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace MinistryNews.Web.Tests.Pages;

/// <summary>
/// The public site against hostile requests: query strings with SQL, search syntax, path traversal, overlong values and
/// Unicode tricks get a page or a 4xx and change nothing; no method but GET and HEAD reaches an endpoint (but the posts
/// of the editors' forms and of a reader's report); requests are limited in size; HSTS outside development.
/// </summary>
public sealed class HardeningTests(ArchiveFixture archive) : IClassFixture<ArchiveFixture>
{
    public static TheoryData<string> HostileUrls => new()
    {
        "/articles?country=' OR 1=1 --",
        "/articles?person=x'; DROP TABLE Articles; --",
        "/articles?country=japan&country=\" UNION SELECT RawText FROM Articles --",
        "/articles?from=9999-99-99&to=../../etc/passwd&kind=meeting' --",
        "/articles?year=-1&month=13&page=-5",
        "/articles?page=99999999999999999999",
        "/articles?page=abc&sort=1;DELETE FROM Articles",
        "/search?q=\" OR \"a\" NEAR(x y) *",
        "/search?q=NEAR(",
        "/search?q=title:japan",
        "/search?q=^* AND OR NOT",
        "/search?q=\"\"\"\"",
        "/search?q=-",
        "/search?q=japan'); DROP TABLE ArticleSearch; --",
        "/search?q=%00%01%02",
        "/search?q=%C0%AF%C0%AE",
        "/search?q=%EF%BC%9Cscript%EF%BC%9Ealert(1)%EF%BC%9C/script%EF%BC%9E",
        "/search?q=<script>alert(1)</script>",
        "/search?q=Nh%E1%BA%ADt%E2%80%8B%E2%80%AEB%E1%BA%A3n",
        "/articles?country=%E2%80%AE%E2%80%8Bjapan",
        "/articles/..%2F..%2Fappsettings.json",
        "/articles/../../appsettings.json",
        "/articles/%2e%2e/%2e%2e/ministrynews.db",
        "/countries/..%2F..%2Fappsettings.json",
        "/people/%2e%2e%2f%2e%2e%2fdata%2f002_43bc5bf8eb7e91f7.txt",
        "/feeds/countries/..%2Fappsettings.atom",
        "/api/articles?country=';--&page=-5",
        "/api/articles/99999999999",
        "/api/articles?from=../../etc/passwd",
        "/articles?format=csv&country=../../../etc/passwd",
    };

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task Should_answer_a_hostile_query_with_a_page_or_a_client_error_and_change_nothing(string url)
    {
        var before = await SnapshotAsync();

        using var response = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(
            response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound,
            $"{url}: {(int)response.StatusCode}");
        Assert.DoesNotContain("<script>alert", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AllowedHosts", body, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite format 3", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("POST", "/")]
    [InlineData("POST", "/articles")]
    [InlineData("POST", "/search?q=japan")]
    [InlineData("PUT", "/api/articles/1")]
    [InlineData("DELETE", "/api/articles/1")]
    [InlineData("PATCH", "/articles/1")]
    [InlineData("DELETE", "/articles/1")]
    [InlineData("POST", "/readyz")]
    [InlineData("POST", "/report/thanks")]
    [InlineData("PUT", "/report")]
    [InlineData("DELETE", "/report")]
    public async Task Should_refuse_every_method_that_could_write(string method, string url)
    {
        var before = await SnapshotAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative))
        {
            Content = new FormUrlEncodedContent([new("title", "Overwritten"), new("q", "x")]),
        };

        using var response = await archive.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order(StringComparer.Ordinal));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles?country=japan")]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    [InlineData("/robots.txt")]
    [InlineData("/sitemap.xml")]
    [InlineData("/feeds/articles.atom")]
    [InlineData("/feeds/meetings.atom")]
    [InlineData("/api/articles")]
    [InlineData("/api/meetings?year=2019")]
    [InlineData("/api/articles/abc")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task Should_answer_head_as_get_wherever_get_is_answered(string url)
    {
        using var get = await archive.Client.GetAsync(new Uri(url, UriKind.Relative));
        using var head = await archive.Client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri(url, UriKind.Relative)));

        // The same status and type as the GET; the server, which read a HEAD, leaves out the body (Kestrel does; the
        // test host hands back what the GET wrote).
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_map_no_endpoint_for_a_method_other_than_get_and_no_form_but_the_editors()
    {
        var endpoints = archive.App.Services.GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>().Endpoints;
        var methods = endpoints
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var pageHandlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel)))
            .SelectMany(t => t.GetMethods())
            .Where(m => m.Name.StartsWith("OnPost", StringComparison.Ordinal) || m.Name.StartsWith("OnPut", StringComparison.Ordinal)
                || m.Name.StartsWith("OnDelete", StringComparison.Ordinal) || m.Name.StartsWith("OnPatch", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}")
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(methods, m => Assert.True(m is "GET" or "HEAD", $"an endpoint answers {m}"));

        // Only the editors' pages take a form (correcting an article, closing a reader's report, signing in and out), and a
        // reader's report of a mistake; each is checked for its antiforgery token (CorrectionTests, ReportTests, SignInTests).
        Assert.Equal(
            [
                "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostAgreementAsync", "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostCountryAsync",
                "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostDelegationAsync", "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostMeetingAsync",
                "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostPersonAsync", "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostPublishedAsync",
                "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostTitleAsync", "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostUndoAsync",
                "MinistryNews.Web.Pages.Editors.ArticleModel.OnPostWithdrawAsync",
                "MinistryNews.Web.Pages.Editors.PersonModel.OnPostMergeAsync", "MinistryNews.Web.Pages.Editors.PersonModel.OnPostNameAsync",
                "MinistryNews.Web.Pages.Editors.PersonModel.OnPostUndoAsync",
                "MinistryNews.Web.Pages.Editors.ReportsModel.OnPostAsync", "MinistryNews.Web.Pages.Editors.SignInModel.OnPostAsync",
                "MinistryNews.Web.Pages.Editors.SignOutModel.OnPostAsync", "MinistryNews.Web.Pages.Reports.IndexModel.OnPostAsync",
            ],
            pageHandlers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_answer_414_to_an_overlong_query_string_and_413_to_a_large_body()
    {
        using var longQuery = await archive.Client.GetAsync(new Uri("/search?q=" + new string('a', 5_000), UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/articles", UriKind.Relative))
        {
            Content = new ByteArrayContent(new byte[200 * 1024]),
        };
        using var largeBody = await archive.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, longQuery.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, largeBody.StatusCode);
    }

    [Fact]
    public async Task Should_send_hsts_over_https_outside_development()
    {
        using var client = archive.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://archive.example"),
            AllowAutoRedirect = false,
        });

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    /// <summary>What the archive holds, counted, and whether its file is whole.</summary>
    private async Task<string> SnapshotAsync()
    {
        await using var db = archive.App.OpenDatabase();
        var counts = $"{await db.Articles.CountAsync()} articles, {await db.People.CountAsync()} people, {await db.Countries.CountAsync()} countries, " +
            $"{await db.Meetings.CountAsync()} meetings, {await db.Agreements.CountAsync()} agreements, titles {await db.Articles.SumAsync(a => a.Title.Length)}";
        return $"{counts}, {await archive.App.CheckDatabaseAsync()}";
    }
}
