using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MinistryNews.Core.Editors;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>Ends an editor's session (a form, so that no link or image elsewhere can sign an editor out).</summary>
public sealed class SignOutModel(SignInManager<Editor> signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
