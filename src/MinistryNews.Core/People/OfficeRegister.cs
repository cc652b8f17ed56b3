using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Organisations;

namespace MinistryNews.Core.People;

/// <summary>
/// Groups the titles of the archive into offices: the same post whatever its wording. An office is its rank, read from
/// the title (<see cref="OfficeRanks"/>), and its organisation followed to the end of its lineage: the organisation the
/// title names ("Minister of Information and Communications", found in <c>organisations.json</c> or the archive), else
/// the one behind the person in the article; a title that names a body the archive does not know keeps those words in
/// its identity. With no organisation, a rank of a country (an Ambassador, a Prime Minister) or a qualified one ("Foreign
/// Minister") is the country's; any other title, and one that names no rank ("Mr"), is no office.
/// </summary>
public static class OfficeRegister
{
    private const int KeyLength = 200;

    public static Task<IReadOnlySet<int>> RefreshAsync(ArchiveDbContext db, CancellationToken cancellationToken = default) =>
        RefreshAsync(db, null, [], cancellationToken);

    /// <summary>
    /// Refreshes the offices the wordings <paramref name="titles"/> name and the offices <paramref name="formerOffices"/>,
    /// each with all the wordings of its mentions, or every office when <paramref name="titles"/> is null. The other
    /// wordings are as they were, and so is what they resolve to, as long as no organisation came or went. Gives back the
    /// offices whose mentions it changed, the office they left and the one they took, for what is kept of each office's
    /// mentions (<see cref="OfficeHoldings"/>).
    /// </summary>
    public static async Task<IReadOnlySet<int>> RefreshAsync(ArchiveDbContext db, IReadOnlyCollection<string>? titles, IReadOnlyCollection<int> formerOffices, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(formerOffices);
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationNode(o.Id, o.Name, o.NameKey, o.KnownKey, o.CountryId, o.SuccessorId))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new { c.Id, c.Code, c.Name }).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), cancellationToken);
        var resolver = new Resolver(organisations, countries);

        var offices = await db.Offices.ToDictionaryAsync(o => o.Key, StringComparer.Ordinal, cancellationToken);

        // The distinct wordings of the archive, with the office their mentions have now: one grouped query. Within a scope,
        // the wordings of the titles, then those of every office they or the former mentions resolve to, until none is new.
        var mentions = db.ArticlePeople.AsNoTracking().Where(m => m.Title != null);
        HashSet<int>? scope = null;
        List<TitleGroup> groups;
        if (titles is null)
        {
            groups = await GroupsAsync(mentions, cancellationToken);
        }
        else
        {
            var titleList = titles.ToList();
            scope = [.. formerOffices];
            groups = await GroupsAsync(mentions.Where(m => titleList.Contains(m.Title!)), cancellationToken);
            var read = new HashSet<int>();
            while (true)
            {
                scope.UnionWith(groups.Select(resolver.Resolve).OfType<OfficeOf>().Select(o => offices.GetValueOrDefault(o.Key)?.Id).OfType<int>());
                var more = scope.Except(read).Select(id => (int?)id).ToList();
                if (more.Count == 0)
                {
                    break;
                }

                read.UnionWith(more.OfType<int>());
                groups.AddRange(await GroupsAsync(mentions.Where(m => more.Contains(m.OfficeId) && !titleList.Contains(m.Title!)), cancellationToken));
            }
        }

        var resolved = groups.Select(g => (Group: g, Office: resolver.Resolve(g))).ToList();
        var slugs = offices.Values.Select(o => o.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var office in resolved.Where(r => r.Office is not null).GroupBy(r => r.Office!.Key, StringComparer.Ordinal))
        {
            var first = office.First().Office!;
            var name = office
                .Select(r => (Wording: r.Office!.Wording, r.Group.Count, r.Group.Latest))
                .GroupBy(w => w.Wording, StringComparer.Ordinal)
                .Select(w => (Wording: w.Key, Count: w.Sum(x => x.Count), Latest: w.Max(x => x.Latest)))
                .OrderByDescending(w => w.Wording.Split(' ').Length)
                .ThenByDescending(w => w.Count)
                .ThenByDescending(w => w.Latest ?? DateOnly.MinValue)
                .ThenBy(w => w.Wording, StringComparer.Ordinal)
                .First().Wording;
            if (!offices.TryGetValue(office.Key, out var row))
            {
                row = new Office { Key = office.Key, Slug = UniqueSlug(slugs, Slugs.From(first.SlugText)), Name = name, Rank = first.Rank };
                db.Offices.Add(row);
                offices[office.Key] = row;
            }

            row.Name = name;
            row.Rank = first.Rank;
            row.OrganisationId = first.OrganisationId;
            row.CountryId = first.CountryId;
        }

        await db.SaveChangesAsync(cancellationToken);

        // Each wording's mentions take their office, in one statement a wording whose office changed.
        var moved = new HashSet<int>();
        foreach (var (group, office) in resolved)
        {
            var officeId = office is null ? (int?)null : offices[office.Key].Id;
            if (officeId == group.OfficeId)
            {
                continue;
            }

            moved.UnionWith(new[] { officeId, group.OfficeId }.OfType<int>());

            var (title, organisationId, countryId, former) = (group.Title, group.OrganisationId, group.CountryId, group.OfficeId);
            await db.ArticlePeople
                .Where(m => m.Title == title && m.OrganisationId == organisationId && m.CountryId == countryId && m.OfficeId == former)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.OfficeId, officeId), cancellationToken);
        }

        var kept = resolved.Where(r => r.Office is not null).Select(r => r.Office!.Key).ToHashSet(StringComparer.Ordinal);
        var gone = offices.Values.Where(o => !kept.Contains(o.Key) && (scope is null || scope.Contains(o.Id))).Select(o => o.Id).ToList();
        if (gone.Count > 0)
        {
            await db.Offices.Where(o => gone.Contains(o.Id) && !o.Mentions.Any()).ExecuteDeleteAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return moved;
    }

    private static Task<List<TitleGroup>> GroupsAsync(IQueryable<ArticlePerson> mentions, CancellationToken cancellationToken) =>
        mentions
            .GroupBy(m => new { m.Title, m.OrganisationId, m.CountryId, m.OfficeId })
            .Select(g => new TitleGroup(g.Key.Title!, g.Key.OrganisationId, g.Key.CountryId, g.Key.OfficeId, g.Count(), g.Max(m => m.Article.PublishedOn)))
            .ToListAsync(cancellationToken);

    /// <summary>The office of one wording: its key, rank, organisation or country, how the wording reads in full, and the words its slug is made from.</summary>
    public sealed record OfficeOf(string Key, string Rank, int? OrganisationId, int? CountryId, string Wording, string SlugText);

    /// <summary>A title as the mentions write it, for a person of an organisation and a country.</summary>
    internal sealed record TitleGroup(string Title, int? OrganisationId, int? CountryId, int? OfficeId, int Count, DateOnly? Latest);

    internal sealed record OrganisationNode(int Id, string Name, string NameKey, string? KnownKey, int? CountryId, int? SuccessorId);

    internal sealed class Resolver(Dictionary<int, OrganisationNode> organisations, Dictionary<int, (string Code, string Name)> countries)
    {
        private readonly Dictionary<string, OrganisationNode> _byKnownKey = organisations.Values
            .Where(o => o.KnownKey is not null).GroupBy(o => o.KnownKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MinBy(o => o.Id)!, StringComparer.Ordinal);

        private readonly Dictionary<(string NameKey, int? CountryId), OrganisationNode> _byName = organisations.Values
            .GroupBy(o => (o.NameKey, o.CountryId)).ToDictionary(g => g.Key, g => g.MinBy(o => o.Id)!);

        public OfficeOf? Resolve(TitleGroup group)
        {
            if (OfficeRanks.Read(group.Title) is not { } read)
            {
                return null;
            }

            var rank = read.Rank;
            var country = group.CountryId is { } c && countries.TryGetValue(c, out var found) ? found : ((string Code, string Name)?)null;
            var mentionOrganisation = group.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null;
            var named = read.Portfolio is { } portfolio ? Named(portfolio, rank, country?.Code, group.CountryId) : null;
            var organisation = named ?? mentionOrganisation;
            var end = organisation is null ? null : EndOfLineage(organisation);
            var unknownPortfolio = named is null && read.Portfolio is not null ? TextFolding.Fold(read.Portfolio) : null;
            var qualifier = read.Qualifier is null ? null : TextFolding.Fold(read.Qualifier);

            string key;
            string slugText;
            if (end is not null)
            {
                key = $"{Key(rank)}|org:{end.KnownKey ?? $"{end.NameKey}@{CountryCode(end.CountryId)}"}" + (unknownPortfolio is null ? string.Empty : $"|of:{unknownPortfolio}");
                slugText = $"{rank.Name} {(unknownPortfolio is null ? string.Empty : read.Portfolio + " ")}{end.Name}";
            }
            else if (country is { } of && (unknownPortfolio is not null || qualifier is not null || rank.OfCountry))
            {
                key = $"{Key(rank)}|country:{of.Code}" + (qualifier is null ? string.Empty : $"|{qualifier}") + (unknownPortfolio is null ? string.Empty : $"|of:{unknownPortfolio}");
                slugText = $"{read.Qualifier} {rank.Name} {read.Portfolio} {of.Name}";
            }
            else
            {
                return null;
            }

            return new OfficeOf(Bounded(key), rank.Name, end?.Id, end?.CountryId ?? group.CountryId, Wording(group.Title, read, rank, named is null ? mentionOrganisation : null, country?.Name), slugText);
        }

        /// <summary>The organisation a title's portfolio names: a known one ("Ministry of" and the portfolio, or the portfolio), else one of the archive by its name.</summary>
        private OrganisationNode? Named(string portfolio, OfficeRanks.Rank rank, string? countryCode, int? countryId)
        {
            string[] names = rank.Name.Contains("Minister", StringComparison.Ordinal) ? [$"Ministry of {portfolio}", portfolio] : [portfolio, $"Ministry of {portfolio}"];
            foreach (var name in names)
            {
                if (OrganisationDirectory.Default.Find(name, countryCode) is { } known && _byKnownKey.TryGetValue(known.Key, out var node))
                {
                    return node;
                }

                if (_byName.TryGetValue((TextFolding.Fold(name), countryId), out var byName) || _byName.TryGetValue((TextFolding.Fold(name), null), out byName))
                {
                    return byName;
                }
            }

            return null;
        }

        private OrganisationNode EndOfLineage(OrganisationNode organisation)
        {
            var seen = new HashSet<int> { organisation.Id };
            while (organisation.SuccessorId is { } next && organisations.TryGetValue(next, out var successor) && seen.Add(successor.Id))
            {
                organisation = successor;
            }

            return organisation;
        }

        private string CountryCode(int? countryId) => countryId is { } id && countries.TryGetValue(id, out var country) ? country.Code : "intl";

        /// <summary>The wording in full: as written when it names its portfolio, else with the person's organisation or country.</summary>
        private static string Wording(string title, OfficeRanks.ReadTitle read, OfficeRanks.Rank rank, OrganisationNode? organisation, string? country)
        {
            if (read.Portfolio is not null)
            {
                return title;
            }

            if (organisation is not null)
            {
                return organisation.Name.StartsWith("Ministry of ", StringComparison.Ordinal) && rank.Name.Contains("Minister", StringComparison.Ordinal) && title.EndsWith("Minister", StringComparison.Ordinal)
                    ? title + organisation.Name["Ministry".Length..]
                    : $"{title}, {organisation.Name}";
            }

            return country is null ? title : $"{title} of {country}";
        }

        private static string Key(OfficeRanks.Rank rank) => rank.Name.ToLowerInvariant().Replace(' ', '-');

        private static string Bounded(string key) => key.Length <= KeyLength
            ? key
            : key[..(KeyLength - 17)] + "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16];
    }

    private static string UniqueSlug(HashSet<string> taken, string slug)
    {
        var candidate = slug;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{slug}-{n}";
        }

        return candidate;
    }
}
