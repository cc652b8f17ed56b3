namespace MinistryNews.Web.Browsing;

/// <summary>
/// The ids on one side of a many-to-many link table whose other side is one of <c>ids</c>, read from the table's own
/// index. A filter written as <c>Id IN (these)</c> seeks what it finds; the same filter written through a navigation
/// (<c>x.Countries.Any(...)</c>) becomes an EXISTS that SQLite checks for every row of the filtered table.
/// </summary>
public static class LinkTables
{
    /// <summary>The table of a trip's destinations: a row per trip and country, its key the pair (trip first).</summary>
    public const string DelegationDestinations = "DelegationDestinations";

    /// <summary>The articles that name any of these countries.</summary>
    public static IQueryable<int> ArticlesOfCountries(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "ArticleCountries", "CountriesId", "ArticlesId", ids);

    /// <summary>The articles that name any of these people.</summary>
    public static IQueryable<int> ArticlesOfPeople(ArchiveDbContext db, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        return list.Count == 1
            ? db.ArticlePeople.Where(m => m.PersonId == list[0]).Select(m => m.ArticleId)
            : db.ArticlePeople.Where(m => list.Contains(m.PersonId)).Select(m => m.ArticleId);
    }

    /// <summary>The meetings with any of these countries across the table.</summary>
    public static IQueryable<int> MeetingsWithCountries(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "MeetingCountries", "CounterpartCountriesId", "MeetingId", ids);

    /// <summary>The meetings any of these people took part in.</summary>
    public static IQueryable<int> MeetingsOfPeople(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "MeetingParticipants", "ParticipantsId", "MeetingId", ids);

    /// <summary>The trips to any of these countries.</summary>
    public static IQueryable<int> DelegationsToCountries(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, DelegationDestinations, "DestinationsId", "DelegationId", ids);

    /// <summary>The trips to the countries a subquery gives (the home country's id, read by the database).</summary>
    public static IQueryable<int> DelegationsToCountries(ArchiveDbContext db, IQueryable<int> ids)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<Dictionary<string, object>>(DelegationDestinations)
            .Where(r => ids.Contains(EF.Property<int>(r, "DestinationsId")))
            .Select(r => EF.Property<int>(r, "DelegationId"));
    }

    /// <summary>The trips any of these people were members of (the leader is a column of the trip).</summary>
    public static IQueryable<int> DelegationsWithMembers(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "DelegationMembers", "MembersId", "DelegationId", ids);

    /// <summary>The agreements with any of these countries.</summary>
    public static IQueryable<int> AgreementsWithCountries(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "AgreementCountries", "CounterpartCountriesId", "AgreementId", ids);

    /// <summary>The agreements any of these people signed.</summary>
    public static IQueryable<int> AgreementsSignedBy(ArchiveDbContext db, IReadOnlyCollection<int> ids) => Side(db, "AgreementSignatories", "SignatoriesId", "AgreementId", ids);

    /// <summary>
    /// The rows whose <c>Id</c> a link table joins to any of <paramref name="ids"/> (<paramref name="side"/> reads that
    /// side of the table, one of the methods above), as an <c>Id IN (…)</c> the database runs; every row when
    /// <paramref name="ids"/> is empty.
    /// </summary>
    public static IQueryable<T> LinkedTo<T>(this IQueryable<T> rows, ArchiveDbContext db, IReadOnlyCollection<int> ids, Func<ArchiveDbContext, IReadOnlyCollection<int>, IQueryable<int>> side)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(side);
        if (ids.Count == 0)
        {
            return rows;
        }

        var linked = side(db, ids);
        return rows.Where(r => linked.Contains(EF.Property<int>(r, "Id")));
    }

    private static IQueryable<int> Side(ArchiveDbContext db, string table, string key, string other, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToList();
        var rows = db.Set<Dictionary<string, object>>(table);
        return list.Count == 1
            ? rows.Where(r => EF.Property<int>(r, key) == list[0]).Select(r => EF.Property<int>(r, other))
            : rows.Where(r => list.Contains(EF.Property<int>(r, key))).Select(r => EF.Property<int>(r, other));
    }
}
