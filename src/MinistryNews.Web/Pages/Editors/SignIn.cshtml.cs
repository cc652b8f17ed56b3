using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// An editor signs in with the name and password given by <c>ministrynews users add</c>. A wrong password counts
/// towards the account's lockout; the answer never says whether the name or the password was wrong.
/// </summary>
public sealed class SignInModel(SignInManager<Editor> signIn, IOptions<ArchiveOptions> options) : PageModel
{
    [BindProperty]
    [Required]
    [Display(Name = "Name")]
    public string UserName { get; set; } = string.Empty;

    [BindProperty]
    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    /// <summary>Where to go once signed in: an address of this site only.</summary>
    public string? ReturnUrl { get; private set; }

    /// <summary>Why the last attempt failed, as the editor should read it.</summary>
    public string? Problem { get; private set; }

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        if (!ModelState.IsValid)
        {
            Problem = "Give a name and a password.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(UserName, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl ?? "/");
        }

        var editors = options.Value.Editors;
        Problem = result.IsLockedOut
            ? $"This account is locked after {editors.MaxFailedSignIns} failed sign-ins in a row. Try again in {editors.Lockout.TotalMinutes:N0} minutes."
            : "That name and password do not match an editor's account.";
        return Page();
    }

    private string? Local(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : null;
}
