using Microsoft.AspNetCore.Identity;

namespace MinistryNews.Core.Editors;

/// <summary>
/// A person who may correct the archive: an ASP.NET Core Identity account, made from the command line
/// (<c>ministrynews users add</c>), never by signing up. Visitors need none.
/// </summary>
public sealed class Editor : IdentityUser
{
    /// <summary>The shortest password an account may have (ASP.NET Core Identity's other rules apply too).</summary>
    public const int MinPasswordLength = 12;

    public Editor()
    {
    }

    public Editor(string userName)
        : base(userName)
    {
    }
}
