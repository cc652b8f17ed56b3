using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// Where absolute links point. With <c>Archive:PublicUrl</c> set, every absolute link the site writes (robots.txt, the
/// site map, the feeds, the OpenAPI document's server) starts with that address, whatever Host header a request
/// carries, and host filtering answers 400 to a request for any other host. Unset (development, tests), links follow
/// the request's own scheme and host, as a site that trusts its Host header does.
/// </summary>
public static class PublicAddress
{
    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        // Configure runs before the web host's own fallback (a PostConfigure that reads AllowedHosts only when no host
        // is set yet), so the public host wins over AllowedHosts=*; hosts that AllowedHosts names (a local monitor's
        // "localhost") are kept beside it.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<ArchiveOptions>, IConfiguration>((filtering, archive, configuration) =>
        {
            if (archive.Value.PublicUrl is { } publicUrl)
            {
                var alsoAllowed = (configuration["AllowedHosts"] ?? string.Empty)
                    .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Where(host => host != "*");
                filtering.AllowedHosts = [Host(publicUrl), .. alsoAllowed];
            }
        });

        // The OpenAPI document names the request's own address as its server unless told otherwise.
        services.ConfigureAll<OpenApiOptions>(openApi => openApi.AddDocumentTransformer((document, context, _) =>
        {
            if (context.ApplicationServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.PublicUrl is { } publicUrl)
            {
                document.Servers = [new OpenApiServer { Url = Origin(publicUrl) }];
            }

            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// The origin that absolute links start with, without a trailing slash: the configured public address, or the
    /// request's scheme, host and path base when none is configured.
    /// </summary>
    public static string Origin(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.RequestServices.GetRequiredService<IOptions<ArchiveOptions>>().Value.PublicUrl is { } publicUrl
            ? Origin(publicUrl)
            : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
    }

    /// <summary>Whether <paramref name="url"/> is an origin: http or https, a host, and nothing after it but "/".</summary>
    public static bool IsOrigin(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.IsAbsoluteUri
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            && url.UserInfo.Length == 0
            && url.AbsolutePath == "/"
            && url.Query.Length == 0
            && url.Fragment.Length == 0;
    }

    /// <summary>An international host as its ASCII (punycode) form, as a Host header carries it.</summary>
    private static string Host(Uri url) => url.HostNameType == UriHostNameType.Dns ? url.IdnHost : url.Host;

    private static string Origin(Uri url) => url.IsDefaultPort ? $"{url.Scheme}://{Host(url)}" : $"{url.Scheme}://{Host(url)}:{url.Port}";
}
