using Microsoft.EntityFrameworkCore;

namespace MinistryNews.Core.People;

/// <summary>
/// Refreshes each person's shown name: the spelling most used among the articles that name them now (a withdrawn
/// article's mentions are gone with it). A tie goes to the spelling that keeps more accents ("Nguyễn Mạnh Hùng" over
/// "Nguyen Manh Hung"), then to the spelling of the latest article. The other spellings the current articles still use
/// are the aliases: those the mentions give, and those an article naming the person still writes (a second spelling
/// within one article); a spelling corrected in its source leaves. The slug never changes, and identity does not rest on
/// the name: the store matches people by the words of all their spellings (<see cref="PersonIdentity"/>). A name the
/// editors chose (a <see cref="Corrections.CorrectionKind.PersonName"/> correction) is shown instead, whatever the count.
/// </summary>
public static class PersonNames
{
    /// <summary>People whose article texts are read at once to check an alias.</summary>
    private const int Chunk = 500;

    public static Task RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, null, cancellationToken);

    /// <summary>Refreshes the names of <paramref name="only"/> these people (a person's name rests on their own mentions alone), or of everyone when null.</summary>
    public static async Task RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<int>? only, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = only?.ToList();
        var mentions = db.ArticlePeople.AsNoTracking();
        var everyone = db.People.AsNoTracking();
        if (ids is not null)
        {
            mentions = mentions.Where(m => ids.Contains(m.PersonId));
            everyone = everyone.Where(p => ids.Contains(p.Id));
        }

        // One grouped query: each person's spellings as the articles write them, with how often and how lately. A mention
        // by title alone ("the Minister", given to whoever held it) writes no name.
        var spellings = await mentions
            .Where(m => m.Title == null || m.NameAsWritten != m.Title)
            .GroupBy(m => new { m.PersonId, m.NameAsWritten })
            .Select(g => new Spelling(g.Key.PersonId, g.Key.NameAsWritten, g.Count(), g.Max(m => m.Article.PublishedOn), g.Max(m => m.ArticleId)))
            .ToListAsync(cancellationToken);
        var byPerson = spellings.GroupBy(s => s.PersonId).ToDictionary(g => g.Key, g => g.ToList());

        var people = await everyone.Select(p => new { p.Id, p.Name, p.Aliases }).ToListAsync(cancellationToken);
        var wanted = new Dictionary<int, (string Name, List<string> Aliases)>();
        var toCheck = new Dictionary<int, List<string>>();
        foreach (var person in people)
        {
            if (!byPerson.TryGetValue(person.Id, out var used))
            {
                continue;
            }

            var name = Best(used).Text;
            var aliases = used.Select(s => s.Text).Where(s => !s.Equals(name, StringComparison.Ordinal)).ToList();
            wanted[person.Id] = (name, aliases);
            var others = person.Aliases.Prepend(person.Name)
                .Where(s => !s.Equals(name, StringComparison.Ordinal) && !aliases.Contains(s, StringComparer.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            if (others.Count > 0)
            {
                toCheck[person.Id] = others;
            }
        }

        // The editors' choice of a shown name (a correction) stands over the spellings' count; the spellings stay aliases.
        var chosen = await db.Corrections.AsNoTracking()
            .Where(c => c.Kind == Corrections.CorrectionKind.PersonName && c.State != Corrections.CorrectionState.Undone)
            .OrderBy(c => c.Id)
            .Select(c => new { c.Before, c.After })
            .ToListAsync(cancellationToken);
        foreach (var choice in chosen.Select(c => (Person: Corrections.FactJson.Read<Corrections.PersonRef>(c.Before!), Name: Corrections.FactJson.Read<Corrections.PersonRef>(c.After!).Name)))
        {
            foreach (var (id, (name, aliases)) in wanted.ToList())
            {
                if (name != choice.Name && aliases.Prepend(name).Any(choice.Person.Spells))
                {
                    wanted[id] = (choice.Name, [.. aliases.Prepend(name).Where(a => a != choice.Name)]);
                }
            }
        }

        // A spelling no mention gives is kept while an article that names the person still writes it.
        foreach (var chunk in toCheck.Keys.Chunk(Chunk))
        {
            var texts = db.ArticlePeople.AsNoTracking()
                .Where(m => chunk.Contains(m.PersonId))
                .Select(m => new { m.PersonId, m.Article.RawText })
                .AsAsyncEnumerable();
            await foreach (var text in texts.WithCancellation(cancellationToken))
            {
                var others = toCheck[text.PersonId];
                foreach (var found in others.Where(s => text.RawText.Contains(s, StringComparison.Ordinal)).ToList())
                {
                    others.Remove(found);
                    wanted[text.PersonId].Aliases.Add(found);
                }
            }
        }

        var changed = people
            .Where(p => wanted.TryGetValue(p.Id, out var w) && (!w.Name.Equals(p.Name, StringComparison.Ordinal) || !SameSpellings(w.Aliases, p.Aliases)))
            .Select(p => p.Id)
            .ToList();
        foreach (var chunk in changed.Chunk(Chunk))
        {
            foreach (var person in await db.People.Where(p => chunk.Contains(p.Id)).ToListAsync(cancellationToken))
            {
                var (name, aliases) = wanted[person.Id];
                person.Name = name;
                person.NameKey = Person.KeyOf(name);
                person.Aliases = [.. SortedByUse(aliases, byPerson[person.Id])];
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The shown spelling: most used, then with more accented letters, then the latest article's.</summary>
    internal static Spelling Best(IEnumerable<Spelling> used) =>
        used.OrderByDescending(s => s.Count)
            .ThenByDescending(s => s.Text.Count(c => c > 127 && char.IsLetter(c)))
            .ThenByDescending(s => s.Latest ?? DateOnly.MinValue)
            .ThenByDescending(s => s.LatestArticleId)
            .ThenBy(s => s.Text, StringComparer.Ordinal)
            .First();

    private static IEnumerable<string> SortedByUse(List<string> aliases, List<Spelling> used)
    {
        var counts = used.ToDictionary(s => s.Text, s => s.Count, StringComparer.Ordinal);
        return aliases.Distinct(StringComparer.Ordinal).OrderByDescending(a => counts.GetValueOrDefault(a)).ThenBy(a => a, StringComparer.Ordinal);
    }

    private static bool SameSpellings(List<string> a, List<string> b) =>
        a.Count == b.Count && a.ToHashSet(StringComparer.Ordinal).SetEquals(b);

    internal sealed record Spelling(int PersonId, string Text, int Count, DateOnly? Latest, int LatestArticleId);
}
