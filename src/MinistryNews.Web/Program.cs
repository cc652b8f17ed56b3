using MinistryNews.Web;
using MinistryNews.Web.Api;
using MinistryNews.Web.Editors;
using MinistryNews.Web.Feeds;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

// Static files as the endpoints manifest lists them, compressed copies included, whatever the environment: the build
// output's manifest points into the project (wwwroot, and obj for the compressed copies), which the host maps on its
// own in Development only, so that run from the build output in Production every compressed asset answered 200 with
// no bytes. The published output has no such manifest and serves its own wwwroot; this changes nothing there.
builder.WebHost.UseStaticWebAssets();

// Serilog for every log: request logs, one event per ingested file, a summary per batch. Control characters in logged
// values (a request's path, a file's name) are escaped, so none can forge a line or colour a terminal.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext()
    .Enrich.With<LogEscaping>()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

// The archive: SQLite through EF Core, extraction, and the background ingestion of the data folder.
builder.Services.AddArchive(builder.Configuration);

// Absolute links from the configured public address (Archive:PublicUrl), never from a request's Host header; a request
// for another host gets 400.
builder.Services.AddPublicAddress();

builder.Services.AddProblemDetails();
// Each operation's parameters as the lists read them: names, types, enums, examples (Api/ApiContract).
builder.Services.AddOpenApi(options => options.AddOperationTransformer(MinistryNews.Web.Api.ApiContract.DescribeAsync));

// A public read-only site: security headers, limits per client and for the site on the answers computed afresh.
builder.Services.AddPublicSite();

// Pages kept in memory until the ingestion stores something new.
builder.Services.AddPageCache();

// Editors sign in to correct the archive (accounts from the command line: `ministrynews users add`); visitors need none.
builder.Services.AddEditorAccounts();

// The editors' pages need a signed-in editor, but the one to sign in; each of their forms carries an antiforgery token,
// checked on every post (Razor Pages' default). The public pages only answer GET and HEAD.
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Editors").AllowAnonymousToPage("/Editors/SignIn"))
    .AddMvcOptions(options => options.Filters.Add<MinistryNews.Web.Hosting.PageConnection>());

var app = builder.Build();

await app.MigrateArchiveAsync();

// Behind a reverse proxy on the same machine (docs/deployment.md), the client's address and scheme come from its
// X-Forwarded-For and X-Forwarded-Proto headers: the rate limit is per client, not per proxy. Only loopback proxies are
// believed (the default known proxies).
app.UseForwardedHeaders(new ForwardedHeadersOptions
{
    ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto,
});

// A HEAD is routed as the GET it asks about (PublicSite.UseHeadAsGet), so routing comes after it.
app.UseHeadAsGet();
app.UseRouting();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

// An error without a body gets the site's error page, or under /api problem details (RFC 9457) as the API's own errors.
app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
app.UseSerilogRequestLogging();

// Before the output cache: a signed-in editor's requests are never answered from it, nor kept in it. Only a request
// that carries an editor's cookie is authenticated: the visitors' requests, nearly all of them, skip the work.
app.UseWhen(context => context.Request.Cookies.ContainsKey(EditorAccounts.CookieName), branch => branch.UseAuthentication());
app.UseAuthorization();
app.UsePublicSite();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();

// The read-only JSON API, its OpenAPI document (/openapi/v1.json) and RFC 9457 problem details for its errors.
app.MapOpenApi();
app.MapArchiveApi();

// /healthz (the process answers) and /readyz (the database answers, migrated).
app.MapHealth();

// Atom feeds of the latest articles (all, per country, per person) and of the event lists, the site map and robots.txt.
app.MapFeeds();

await app.RunAsync();

/// <summary>The web host's entry point, public so the tests can start it with WebApplicationFactory.</summary>
public partial class Program;
