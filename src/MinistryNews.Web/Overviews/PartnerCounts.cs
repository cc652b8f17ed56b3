namespace MinistryNews.Web.Overviews;

/// <summary>What the archive counts with each country, for the maps.</summary>
public static class PartnerCounts
{
    /// <summary>
    /// Every country with a meeting, a trip or an agreement, from the counts the registers keep on each country's row
    /// (<see cref="MinistryNews.Core.Countries.CountryCounts"/>): one read of the countries, however large the archive.
    /// </summary>
    public static async Task<List<MapCountry>> AllAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.Countries.AsNoTracking()
            .Where(c => c.MeetingCount > 0 || c.TripCount > 0 || c.AgreementMentionCount > 0)
            .Select(c => new MapCountry(new Link(c.Slug, c.Name), c.Code, c.MeetingCount, c.TripCount, c.AgreementMentionCount))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The map of every partner, each country linked to its page.</summary>
    public static async Task<PartnerMap> MapAsync(ArchiveDbContext db, string id, CancellationToken cancellationToken) =>
        new(id, "Meetings, trips and agreements with each country", await AllAsync(db, cancellationToken), c => "/countries/" + c.Country.Slug);
}
