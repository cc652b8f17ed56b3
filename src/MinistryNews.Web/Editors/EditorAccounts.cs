using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Editors;

/// <summary>How editors sign in: the lockout after failed attempts, and how long a session lasts.</summary>
public sealed class EditorOptions
{
    /// <summary>Failed sign-ins in a row after which an account is locked.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a session lasts without a request (each request renews it).</summary>
    public TimeSpan Session { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>
/// Editors' accounts (ASP.NET Core Identity, in the archive's database) and their sessions: a cookie that scripts cannot
/// read (HttpOnly), sent over HTTPS only and never from another site (SameSite=Strict). Visitors, the API and the feeds
/// stay anonymous; the editors' pages (<c>/editors/…</c>) are the only ones that accept a form, each with its
/// antiforgery token.
/// </summary>
public static class EditorAccounts
{
    public const string CookieName = "ministrynews-editor";

    public static IServiceCollection AddEditorAccounts(this IServiceCollection services)
    {
        services.AddIdentityCore<Editor>()
            .AddEntityFrameworkStores<ArchiveDbContext>()
            .AddSignInManager();
        services.AddOptions<IdentityOptions>().Configure<IOptions<ArchiveOptions>>((identity, archive) =>
        {
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = archive.Value.Editors.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = archive.Value.Editors.Lockout;
            identity.Password.RequiredLength = Editor.MinPasswordLength;
        });
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<ArchiveOptions>>((cookie, archive) =>
        {
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.LoginPath = "/editors/sign-in";
            cookie.LogoutPath = "/editors/sign-out";
            cookie.AccessDeniedPath = "/editors/sign-in";
            cookie.ExpireTimeSpan = archive.Value.Editors.Session;
            cookie.SlidingExpiration = true;
        });
        services.AddAuthorization();

        // The keys that protect the session cookie and the antiforgery tokens live in the archive's database: every
        // instance behind a proxy reads what another wrote, and a restart signs no one out.
        services.AddDataProtection().SetApplicationName("MinistryNews").PersistKeysToDbContext<ArchiveDbContext>();
        return services;
    }
}
