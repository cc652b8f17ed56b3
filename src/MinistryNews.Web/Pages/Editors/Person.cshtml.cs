using System.Security.Claims;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.People;

namespace MinistryNews.Web.Pages.Editors;

/// <summary>
/// A person as the editors correct them across the archive: the name the archive shows, another person who is the same
/// one (merged: read as this person in every article), and the corrections of the person so far, each of which can be
/// undone (a merge undone parts the two again).
/// </summary>
public sealed class PersonModel(ArchiveDbContext db, CorrectionDesk desk) : PageModel
{
    public Person Person { get; private set; } = null!;

    public IReadOnlyList<Correction> Corrections { get; private set; } = [];

    public string? Problem { get; private set; }

    [FromQuery(Name = "done")]
    public int? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostNameAsync(int id, string? name, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () => await desk.NamePersonAsync(id, name ?? string.Empty, reason ?? string.Empty, Editor(), cancellationToken), cancellationToken);

    /// <summary>Merges the person whose page address (or slug) the editor gives into this one.</summary>
    public Task<IActionResult> OnPostMergeAsync(int id, string? other, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            var slug = (other ?? string.Empty).Trim().TrimEnd('/').Split('/')[^1];
            var merged = await db.People.AsNoTracking().Where(p => p.Slug == slug).Select(p => (int?)p.Id).SingleOrDefaultAsync(cancellationToken)
                ?? throw new CorrectionRefusedException($"No person's page is at /people/{slug}.");
            return await desk.MergePeopleAsync(id, merged, reason ?? string.Empty, Editor(), cancellationToken);
        }, cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(int id, int correction, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, async () =>
        {
            if (!await db.Corrections.AnyAsync(c => c.Id == correction && c.PersonId == id, cancellationToken))
            {
                throw new CorrectionRefusedException("That correction is not one of this person's.");
            }

            await desk.UndoAsync(correction, reason ?? string.Empty, Editor(), cancellationToken);
            return null;
        }, cancellationToken);

    private EditorRef Editor() => new(User.FindFirstValue(ClaimTypes.NameIdentifier), User.Identity?.Name ?? "editor");

    private async Task<IActionResult> ChangeAsync(int id, Func<Task<Correction?>> change, CancellationToken cancellationToken)
    {
        if (!await db.People.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return NotFound();
        }

        try
        {
            var made = await change();
            return RedirectToPage(new { id, done = made?.Id });
        }
        catch (CorrectionRefusedException ex)
        {
            await LoadAsync(id, cancellationToken);
            Problem = ex.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken) is not { } person)
        {
            return false;
        }

        Person = person;
        Corrections = await db.Corrections.AsNoTracking().Where(c => c.PersonId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return true;
    }
}
