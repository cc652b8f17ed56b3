using Microsoft.Extensions.Primitives;
using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;

namespace MinistryNews.Web.Browsing;

/// <summary>The dimensions of the article filters; each facet counts with every filter but its own.</summary>
public enum Facet
{
    Country,
    Person,
    Kind,
    Year,
}

/// <summary>
/// The filters of the article lists, read from the query string (<c>country</c>, <c>person</c>, <c>kind</c>, <c>from</c>,
/// <c>to</c>, <c>year</c>, <c>month</c>): several values of one filter combine with OR, different filters with AND.
/// A value that means nothing (an unknown country, "from=notadate") is dropped with a message the page shows.
/// </summary>
public sealed class ArticleFilter
{
    public static readonly string[] Kinds = ["meeting", "delegation", "agreement"];

    /// <summary>The keys of the query string the filters read.</summary>
    public static readonly IReadOnlyCollection<string> Keys = [QueryKey.Country, QueryKey.Person, QueryKey.Kind, QueryKey.From, QueryKey.To, QueryKey.Year, QueryKey.Month];

    public IReadOnlyList<NamedValue> Countries { get; private init; } = [];

    public IReadOnlyList<NamedValue> People { get; private init; } = [];

    public IReadOnlyList<string> KindValues { get; private init; } = [];

    /// <summary>The kinds chosen, as the bits the <see cref="CountryYear"/> register counts by.</summary>
    public EventKinds ChosenKinds =>
        (KindValues.Contains("meeting") ? EventKinds.Meeting : EventKinds.None)
        | (KindValues.Contains("delegation") ? EventKinds.Delegation : EventKinds.None)
        | (KindValues.Contains("agreement") ? EventKinds.Agreement : EventKinds.None);

    public DateOnly? From { get; private init; }

    public DateOnly? To { get; private init; }

    public int? Year { get; private init; }

    public int? Month { get; private init; }

    public IReadOnlyList<string> Messages { get; private init; } = [];

    private ArchiveDbContext Db { get; init; } = null!;

    public bool IsEmpty => Countries.Count == 0 && People.Count == 0 && KindValues.Count == 0 && From is null && To is null && Year is null;

    /// <summary>Whether no filter but <paramref name="facet"/>'s own narrows the articles (its counts are then the whole archive's).</summary>
    public bool IsEmptyExcept(Facet facet) =>
        (facet == Facet.Country || Countries.Count == 0)
        && (facet == Facet.Person || People.Count == 0)
        && (facet == Facet.Kind || KindValues.Count == 0)
        && (facet == Facet.Year || Year is null)
        && From is null && To is null;

    /// <summary>The date filters in words, for a feed's title: "of November 2019", "from 2019-01-01", "to 2019-12-31".</summary>
    public IEnumerable<string> DescribeDates()
    {
        if (Year is { } year)
        {
            yield return "of " + (Month is { } month ? new DateOnly(year, month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture) : year.ToString(CultureInfo.InvariantCulture));
        }

        if (From is { } from)
        {
            yield return "from " + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (To is { } to)
        {
            yield return "to " + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A value of a filter as the user chose it (the slug) and as the page names it.</summary>
    public sealed record NamedValue(string Slug, string Name, int Id);

    public static Task<ArticleFilter> ReadAsync(ArchiveDbContext db, IQueryCollection query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(db, key => query[key], cancellationToken);
    }

    /// <summary>The filters of an article list's query record (<see cref="ArticleQuery"/>), read as the query string's.</summary>
    public static Task<ArticleFilter> ReadAsync(ArchiveDbContext db, ArticleQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return ReadAsync(db, query.Values, cancellationToken);
    }

    private static async Task<ArticleFilter> ReadAsync(ArchiveDbContext db, Func<string, StringValues> query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var messages = new List<string>();

        // A country or a person is chosen by slug, or by name in any case and with or without accents ("Japan",
        // "Nguyễn Mạnh Hùng"); a country also by any name the gazetteer knows for it ("Viet Nam", "Nhật Bản").
        var countryValues = Values(query, QueryKey.Country).Select(v => (Value: v, Slug: Slugs.From(v), Code: Gazetteer.Default.FindByName(v)?.Code)).ToList();
        var countryCodes = countryValues.Select(v => v.Code).OfType<string>().ToList();
        var countrySlugs = countryValues.SelectMany(v => new[] { v.Value, v.Slug }).Distinct(StringComparer.Ordinal).ToList();
        // A query that names none asks the database nothing: every list reads its filters, most of them with none.
        var foundCountries = countryValues.Count == 0 ? [] : await db.Countries.AsNoTracking().Where(c => countrySlugs.Contains(c.Slug) || countryCodes.Contains(c.Code))
            .Select(c => new { Value = new NamedValue(c.Slug, c.Name, c.Id), c.Code }).ToListAsync(cancellationToken);
        var countries = new List<NamedValue>();
        foreach (var (value, slug, code) in countryValues)
        {
            var found = foundCountries.FirstOrDefault(c => c.Value.Slug == value || c.Value.Slug == slug || (code is not null && c.Code == code));
            if (found is null)
            {
                messages.Add($"No country “{Clip(value)}” in the archive; that filter is left out.");
            }
            else if (!countries.Contains(found.Value))
            {
                countries.Add(found.Value);
            }
        }

        var personValues = Values(query, QueryKey.Person).Select(v => (Value: v, Slug: Slugs.From(v))).ToList();
        var personSlugs = personValues.SelectMany(v => new[] { v.Value, v.Slug }).Distinct(StringComparer.Ordinal).ToList();
        var foundPeople = personValues.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => personSlugs.Contains(p.Slug))
            .Select(p => new NamedValue(p.Slug, p.Name, p.Id)).ToListAsync(cancellationToken);
        var people = new List<NamedValue>();
        foreach (var (value, slug) in personValues)
        {
            var found = foundPeople.FirstOrDefault(p => p.Slug == value) ?? foundPeople.FirstOrDefault(p => p.Slug == slug);
            if (found is null)
            {
                messages.Add($"No person “{Clip(value)}” in the archive; that filter is left out.");
            }
            else if (!people.Contains(found))
            {
                people.Add(found);
            }
        }

        var kinds = Values(query, QueryKey.Kind).Select(k => k.ToLowerInvariant()).Distinct().ToList();
        messages.AddRange(kinds.Where(k => !Kinds.Contains(k)).Select(k => $"“{Clip(k)}” is not a kind of event (meeting, delegation or agreement); that filter is left out."));

        var from = Date(query, QueryKey.From, first: true, messages);
        var to = Date(query, QueryKey.To, first: false, messages);
        if (from > to)
        {
            messages.Add($"The date range runs backwards ({from:yyyy-MM-dd} to {to:yyyy-MM-dd}); the dates are swapped.");
            (from, to) = (to, from);
        }

        var year = Number(query, QueryKey.Year, 1, 9999, messages);
        var month = Number(query, QueryKey.Month, 1, 12, messages);
        if (month is not null && year is null)
        {
            messages.Add("A month needs a year; the month is left out.");
            month = null;
        }

        return new ArticleFilter
        {
            Db = db,
            Countries = countries,
            People = people,
            KindValues = [.. kinds.Where(Kinds.Contains)],
            From = from,
            To = to,
            Year = year,
            Month = month,
            Messages = messages,
        };
    }

    /// <summary>Whether a date known as far as <paramref name="date"/> can fall in the <c>from</c>–<c>to</c> range (any date when no range is set).</summary>
    public bool InRange(PartialDate? date)
    {
        if (From is null && To is null)
        {
            return true;
        }

        return date is { } d && (From is not { } from || d.LastDay >= from) && (To is not { } to || d.FirstDay <= to);
    }

    /// <summary>
    /// The articles published within the from, to and year filters (all of them when none is set), but the year's when
    /// <paramref name="except"/> is the year.
    /// </summary>
    public IQueryable<Article> Dated(IQueryable<Article> articles, Facet? except = null) => Dated(articles, except is { } e ? [e] : []);

    /// <summary>The articles published within the from, to and year filters, but the year's when <paramref name="except"/> holds the year.</summary>
    public IQueryable<Article> Dated(IQueryable<Article> articles, IReadOnlyCollection<Facet> except)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var (first, last) = Range(except);
        if (first is { } f)
        {
            articles = articles.Where(a => a.PublishedOn >= f);
        }

        if (last is { } l)
        {
            articles = articles.Where(a => a.PublishedOn <= l);
        }

        return articles;
    }

    /// <summary>Whether a from, to or year filter is set.</summary>
    public bool HasDates => From is not null || To is not null || Year is not null;

    /// <summary>The articles that pass every filter but <paramref name="except"/>'s (for that facet's counts).</summary>
    public IQueryable<Article> Apply(IQueryable<Article> articles, Facet? except = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        // Each filter is a list of article ids read through the index of its own table (IN, not a correlated EXISTS
        // per article), so a filter costs the rows it finds, not a scan of the articles.
        if (except != Facet.Country && Countries.Count > 0)
        {
            var ids = Countries.Select(c => c.Id).ToList();
            var matching = Db.Articles.SelectMany(x => x.Countries, (x, c) => new { x.Id, CountryId = c.Id }).Where(p => ids.Contains(p.CountryId)).Select(p => p.Id);
            articles = articles.Where(a => matching.Contains(a.Id));
        }

        if (except != Facet.Person && People.Count > 0)
        {
            var ids = People.Select(p => p.Id).ToList();
            var matching = Db.ArticlePeople.Where(m => ids.Contains(m.PersonId)).Select(m => m.ArticleId);
            articles = articles.Where(a => matching.Contains(a.Id));
        }

        // The kinds narrow little (most articles tell a meeting): checked on the articles the other filters find, through
        // the index of each event table, rather than read as a list of most of the archive's ids that SQLite would walk.
        if (except != Facet.Kind && KindValues.Count > 0)
        {
            var (meetings, delegations, agreements) = (ChosenKinds.HasFlag(EventKinds.Meeting), ChosenKinds.HasFlag(EventKinds.Delegation), ChosenKinds.HasFlag(EventKinds.Agreement));
            articles = articles.Where(a => (meetings && a.Meetings.Any()) || (delegations && a.Delegations.Any()) || (agreements && a.Agreements.Any()));
        }

        return Dated(articles, except);
    }

    /// <summary>
    /// The ids of the articles that pass every filter but <paramref name="except"/>'s, read from the link tables and the
    /// date index alone, never from the articles' rows (whose date is stored after their text); null when no filter
    /// narrows them. An id may come more than once (an article naming two of the countries chosen): count it with IN.
    /// </summary>
    public IQueryable<int>? Ids(Facet? except = null) => Ids(except is { } e ? [e] : []);

    /// <summary>The ids of the articles that pass every filter but those of the facets in <paramref name="except"/>, as <see cref="Ids(Facet?)"/> reads them.</summary>
    public IQueryable<int>? Ids(IReadOnlyCollection<Facet> except)
    {
        ArgumentNullException.ThrowIfNull(except);
        IQueryable<int>? ids = null;
        void And(IQueryable<int> more) => ids = ids is null ? more : ids.Where(id => more.Contains(id));

        if (!except.Contains(Facet.Country) && Countries.Count > 0)
        {
            And(LinkTables.ArticlesOfCountries(Db, [.. Countries.Select(c => c.Id)]));
        }

        if (!except.Contains(Facet.Person) && People.Count > 0)
        {
            And(LinkTables.ArticlesOfPeople(Db, [.. People.Select(p => p.Id)]));
        }

        if (Range(except) is (not null, _) or (_, not null))
        {
            var dated = Dated(Db.Articles, except);

            // With a country's or a person's articles, the dates' stretch of the date index is read and each article in it
            // looked up in their list (Id + 0 keeps SQLite from reading the rows by id), rather than the whole stretch
            // made a list of its own for each of theirs to be looked up in: the stretch is read either way, the list
            // built is the smaller.
            if (ids is { } linked)
            {
                ids = dated.Where(a => linked.Contains(a.Id + 0)).Select(a => a.Id);
            }
            else
            {
                ids = dated.Select(a => a.Id);
            }
        }

        if (!except.Contains(Facet.Kind) && KindValues.Count > 0)
        {
            var (meetings, delegations, agreements) = (ChosenKinds.HasFlag(EventKinds.Meeting), ChosenKinds.HasFlag(EventKinds.Delegation), ChosenKinds.HasFlag(EventKinds.Agreement));
            ids = (ids ?? Db.Articles.Select(a => a.Id)).Where(id => (meetings && Db.Meetings.Any(m => m.ArticleId == id)) || (delegations && Db.Delegations.Any(d => d.ArticleId == id)) || (agreements && Db.Agreements.Any(x => x.ArticleId == id)));
        }

        return ids;
    }

    /// <summary>
    /// The rows of the <see cref="CountryYear"/> register that count the articles passing every filter but
    /// <paramref name="except"/>'s, when those filters are at most one country (all countries, when the country facet
    /// counts), a year and kinds: summed, they give the counts without reading an article. Null when another filter
    /// (a person, a month, from or to) or several countries narrow the articles.
    /// </summary>
    public IQueryable<CountryYear>? Tallied(Facet? except = null)
    {
        if (except == Facet.Person || People.Count > 0 || From is not null || To is not null || (Month is not null && except != Facet.Year))
        {
            return null;
        }

        IQueryable<CountryYear> rows = Db.CountryYears;
        if (except != Facet.Country)
        {
            if (Countries.Count != 1)
            {
                return null;
            }

            var country = Countries[0].Id;
            rows = rows.Where(r => r.CountryId == country);
        }

        if (except != Facet.Year && Year is { } year)
        {
            rows = rows.Where(r => r.Year == year);
        }

        if (except != Facet.Kind && KindValues.Count > 0)
        {
            var kinds = ChosenKinds;
            rows = rows.Where(r => (r.Kinds & kinds) != EventKinds.None);
        }

        return rows;
    }

    /// <summary>The dates the from, to and year filters leave (but the year's when <paramref name="except"/> is the year).</summary>
    private (DateOnly? First, DateOnly? Last) Range(IReadOnlyCollection<Facet> except)
    {
        var first = From;
        var last = To;
        if (!except.Contains(Facet.Year) && Year is { } year)
        {
            var start = new DateOnly(year, Month ?? 1, 1);
            var end = Month is null ? new DateOnly(year, 12, 31) : start.AddMonths(1).AddDays(-1);
            first = first is { } f && f > start ? f : start;
            last = last is { } l && l < end ? l : end;
        }

        return (first, last);
    }

    private static List<string> Values(Func<string, StringValues> query, string key) =>
        [.. query(key).SelectMany(v => (v ?? string.Empty).Split(',')).Select(v => v.Trim()).Where(v => v.Length is > 0 and <= 200).Distinct(StringComparer.Ordinal)];

    private static DateOnly? Date(Func<string, StringValues> query, string key, bool first, List<string> messages)
    {
        var text = query(key).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (text is null)
        {
            return null;
        }

        if (PartialDate.TryParse(text, out var date))
        {
            return first ? date.FirstDay : date.LastDay;
        }

        messages.Add($"“{Clip(text)}” is not a date: write it as YYYY-MM-DD (or YYYY-MM, YYYY). The “{key}” filter is left out.");
        return null;
    }

    private static int? Number(Func<string, StringValues> query, string key, int min, int max, List<string> messages)
    {
        var text = query(key).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        messages.Add($"“{Clip(text)}” is not a {key} ({min} to {max}); that filter is left out.");
        return null;
    }

    private static string Clip(string value) => value.Length <= 60 ? value : string.Concat(value.AsSpan(0, 60), "…");
}
