using Microsoft.EntityFrameworkCore;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Ingestion;
using MinistryNews.Core.Tests.Agreements;

namespace MinistryNews.Core.Tests.Registers;

/// <summary>
/// The registers refreshed within what an ingestion changed (<see cref="ArchiveChanges"/>) are those a full refresh
/// makes: after each step of adding, changing and removing files, a full refresh finds nothing to change.
/// </summary>
public sealed class IncrementalRefreshTests
{
    private const string LaosPostal2021 = """
        Viet Nam and Laos sign MoU on postal cooperation

        May 12, 2021 | 10:00 am GMT+7

        On May 11, 2021, in Vientiane, Minister Nguyen Manh Hung and Lao Minister of Technology and Communications Boviengkham Vongdara signed a Memorandum of Understanding on postal cooperation.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    private const string LaosRenewal = """
        Viet Nam and Laos renew postal cooperation

        June 20, 2024 | 10:00 am GMT+7

        On June 19, 2024, in Hanoi, Minister Nguyen Manh Hung and Lao Minister of Technology and Communications Boviengkham Vongdara signed a new MoU on postal cooperation, renewing the memorandum of understanding signed in 2021.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    private const string LaosRecalled = """
        Viet Nam and Laos review postal cooperation

        March 3, 2022 | 10:00 am GMT+7

        On March 2, Deputy Minister Phan Tam received the Lao Ambassador in Hanoi. Both sides reviewed the MoU on postal cooperation signed between Viet Nam and Laos.

        The two sides agreed to share experience, train officials and hold regular dialogues on digital transformation, telecommunications and the digital economy in the coming years.
        """;

    [Fact]
    public async Task Should_leave_nothing_for_a_full_refresh_after_each_step()
    {
        await using var archive = await TempArchive.CreateAsync();
        archive.WriteFile("mou-signed.txt", AgreementRegisterTests.Signed);
        archive.WriteFile("mou-told-again.txt", AgreementRegisterTests.ToldAgain);
        archive.WriteFile("mou-2011.txt", AgreementRegisterTests.Telecommunications);
        archive.WriteFile("talks-laos.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Minister Nguyen Manh Hung received Lao Minister Thansamay Kommasith."));
        await StepAsync(archive);

        // Changed texts: a second spelling of a name, another title, a memorandum told again by its year, another one.
        archive.WriteFile("talks-laos.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Minister of Information and Communications Nguyễn Mạnh Hùng received Lao Minister Thansamay Kommasith."));
        archive.WriteFile("mou-recalled.txt", AgreementRegisterTests.RecalledByYear);
        archive.WriteFile("laos-2021.txt", LaosPostal2021);
        archive.WriteFile("laos-recalled.txt", LaosRecalled);
        await StepAsync(archive);

        // A renewal, and a memorandum's first telling gone: the record keeps its other article.
        archive.WriteFile("laos-2024.txt", LaosRenewal);
        File.Delete(Path.Combine(archive.DataFolder, "mou-signed.txt"));
        await StepAsync(archive);

        // The renewed document gone, a repository text gone, and a text changed to name other people.
        File.Delete(Path.Combine(archive.DataFolder, "laos-2021.txt"));
        File.Delete(Path.Combine(archive.DataFolder, Directory.GetFiles(archive.DataFolder, "dev*.txt").Select(Path.GetFileName).Order(StringComparer.Ordinal).First()!));
        archive.WriteFile("mou-told-again.txt", AgreementRegisterTests.Postal);
        await StepAsync(archive);

        // Everything back, by the folder and then file by file as the watcher ingests.
        archive.WriteFile("mou-signed.txt", AgreementRegisterTests.Signed);
        archive.WriteFile("laos-2021.txt", LaosPostal2021);
        await StepAsync(archive);
        using (var ingestor = archive.CreateIngestor())
        {
            await ingestor.IngestFileAsync(archive.DataFolder, archive.WriteFile("mou-told-again.txt", AgreementRegisterTests.ToldAgain));
            await ingestor.IngestFileAsync(archive.DataFolder, archive.WriteFile("talks-laos.txt", PressTexts.Of("Talks with Laos", "May 3, 2019", "On May 2, Deputy Minister Phan Tam received Lao Minister Thansamay Kommasith.")));
        }

        await AssertFullRefreshChangesNothingAsync(archive);
    }

    private static async Task StepAsync(TempArchive archive)
    {
        var report = await archive.IngestAsync();
        Assert.Equal(0, report.Failed);
        await AssertFullRefreshChangesNothingAsync(archive);
        await AssertEachPersonCountsTheirArticlesAsync(archive);
        await AssertEachCountryCountsWhatTheListsFindAsync(archive);
        await AssertEachCountryYearCountsItsArticlesAsync(archive);
    }

    /// <summary>The register of counts by country, year and kinds holds, for each, the articles found through the navigations.</summary>
    private static async Task AssertEachCountryYearCountsItsArticlesAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var articles = await db.Articles.AsNoTracking()
            .Select(a => new
            {
                Countries = a.Countries.Select(c => c.Id).ToList(),
                Year = a.PublishedOn == null ? 0 : a.PublishedOn.Value.Year,
                Kinds = (a.Meetings.Count > 0 ? EventKinds.Meeting : EventKinds.None) | (a.Delegations.Count > 0 ? EventKinds.Delegation : EventKinds.None)
                    | (a.Agreements.Count > 0 ? EventKinds.Agreement : EventKinds.None),
            })
            .ToListAsync();
        var found = articles.SelectMany(a => a.Countries, (a, c) => (Country: c, a.Year, a.Kinds))
            .GroupBy(k => k).Select(g => $"{g.Key.Country}|{g.Key.Year}|{g.Key.Kinds}|{g.Count()}").Order(StringComparer.Ordinal).ToList();
        var kept = (await db.CountryYears.AsNoTracking().ToListAsync())
            .Select(r => $"{r.CountryId}|{r.Year}|{r.Kinds}|{r.Articles}").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(found, kept);
        Assert.Contains(articles, a => a.Countries.Count > 0 && a.Kinds.HasFlag(EventKinds.Meeting) && a.Year > 0);
    }

    /// <summary>
    /// The counts a country's page shows are those of the lists filtered by the country, counted here through the
    /// navigations (the articles' filter leaves the withdrawn out), not through the link tables the registers read.
    /// </summary>
    private static async Task AssertEachCountryCountsWhatTheListsFindAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var counts = await db.Countries.AsNoTracking()
            .Select(c => new
            {
                c.Name,
                Kept = new[] { c.ArticleCount, c.MeetingCount, c.TripCount, c.VisitsMadeCount, c.VisitsHostedCount, c.AgreementMentionCount },
                Found = new[]
                {
                    db.Articles.Count(a => a.Countries.Any(x => x.Id == c.Id)),
                    db.Meetings.Count(m => m.CounterpartCountries.Any(x => x.Id == c.Id)),
                    db.Delegations.Count(d => d.FromCountryId == c.Id || d.Destinations.Any(x => x.Id == c.Id)),
                    db.Delegations.Count(d => (d.FromCountryId == c.Id || d.Destinations.Any(x => x.Id == c.Id)) && d.FromCountry!.Code == "VN"),
                    db.Delegations.Count(d => (d.FromCountryId == c.Id || d.Destinations.Any(x => x.Id == c.Id)) && d.Destinations.Any(x => x.Code == "VN")),
                    db.Agreements.Count(a => a.CounterpartCountries.Any(x => x.Id == c.Id)),
                },
            })
            .ToListAsync();

        Assert.All(counts, c => Assert.True(c.Kept.SequenceEqual(c.Found), $"{c.Name}: kept {string.Join(", ", c.Kept)}, found {string.Join(", ", c.Found)}"));
        Assert.Contains(counts, c => c.Kept[0] > 1 && c.Kept[1] > 0);
        Assert.Contains(counts, c => c.Kept[3] > 0);
    }

    /// <summary>The count the people lists sort by is the number of articles that name the person now.</summary>
    private static async Task AssertEachPersonCountsTheirArticlesAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var wrong = await db.People.Where(p => p.ArticleCount != db.ArticlePeople.Count(m => m.PersonId == p.Id)).Select(p => p.Name).ToListAsync();
        Assert.Empty(wrong);
        Assert.True(await db.People.AnyAsync(p => p.ArticleCount > 1));
    }

    private static async Task AssertFullRefreshChangesNothingAsync(TempArchive archive)
    {
        var incremental = await SnapshotAsync(archive);
        await using (var db = archive.Open())
        {
            await ArchiveRegisters.RefreshAsync(db);
        }

        var full = await SnapshotAsync(archive);
        foreach (var (name, rows) in full)
        {
            Assert.True(rows.Count > 0, $"{name}: nothing to compare");
            Assert.Equal(rows, incremental[name]);
        }
    }

    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(TempArchive archive)
    {
        await using var db = archive.Open();
        var people = await db.People.AsNoTracking().Select(p => new { p.Id, p.Name, p.NameKey, p.Aliases, p.ArticleCount, p.LatestTitledArticleId }).ToListAsync();
        var offices = await db.Offices.AsNoTracking().Select(o => new { o.Id, o.Key, o.Slug, o.Name, o.Rank, o.OrganisationId, o.CountryId, o.MentionCount }).ToListAsync();
        var mentions = await db.ArticlePeople.AsNoTracking().Select(m => new { m.ArticleId, m.PersonId, m.Title, m.OfficeId }).ToListAsync();
        var holdings = await db.OfficeHoldings.AsNoTracking()
            .Select(h => new { h.OfficeId, h.PersonId, h.First, h.Last, h.FirstArticleId, h.LastArticleId, h.Mentions })
            .ToListAsync();
        var records = await db.AgreementRecords.AsNoTracking()
            .Select(r => new { r.Id, r.Key, r.Slug, r.Kind, r.Name, r.Subject, r.CounterpartOrganisation, r.Place, r.SignedOn, r.ValidFrom, r.ValidTo, r.PredecessorId })
            .ToListAsync();
        var agreements = await db.Agreements.AsNoTracking().Select(a => new { a.Id, a.RecordId }).ToListAsync();
        var countryCounts = await db.Countries.AsNoTracking()
            .Select(c => new { c.Id, c.ArticleCount, c.MeetingCount, c.TripCount, c.VisitsMadeCount, c.VisitsHostedCount, c.AgreementMentionCount })
            .ToListAsync();
        var countryYears = await db.CountryYears.AsNoTracking().Select(y => new { y.CountryId, y.Year, y.Kinds, y.Articles }).ToListAsync();
        var countries = await LinksAsync(db, "AgreementRecordCountries", "CounterpartCountriesId");
        var signatories = await LinksAsync(db, "AgreementRecordSignatories", "SignatoriesId");
        return new Dictionary<string, List<string>>(StringComparer.Ordinal)
        {
            ["people"] = Rows(people.Select(p => $"{p.Id}|{p.Name}|{p.NameKey}|{string.Join(';', p.Aliases)}|{p.ArticleCount}|{p.LatestTitledArticleId}")),
            ["offices"] = Rows(offices),
            ["mentions"] = Rows(mentions),
            ["holdings"] = Rows(holdings),
            ["records"] = Rows(records),
            ["agreements"] = Rows(agreements),
            ["country counts"] = Rows(countryCounts),
            ["country years"] = Rows(countryYears),
            ["record countries"] = Rows(countries),
            ["record signatories"] = Rows(signatories),
        };

        static async Task<List<string>> LinksAsync(ArchiveDbContext db, string table, string other) =>
            await db.Set<Dictionary<string, object>>(table).AsNoTracking()
                .Select(r => EF.Property<int>(r, "AgreementRecordId") + ">" + EF.Property<int>(r, other))
                .ToListAsync();

        static List<string> Rows<T>(IEnumerable<T> rows) => [.. rows.Select(r => $"{r}").Order(StringComparer.Ordinal)];
    }
}
