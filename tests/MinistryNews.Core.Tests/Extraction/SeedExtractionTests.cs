using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>What each of the five seed press releases yields, read as a user of the archive would check it.</summary>
public sealed class SeedExtractionTests
{
    [Fact]
    public void Should_read_the_G20_trip_to_Germany_and_Finland_as_one_delegation_with_its_dates()
    {
        var article = Fixtures.Extract("000_f1b509b8acb5ba32.txt");

        Assert.StartsWith("Delegation of the Ministry of Information and Communications to attend the G20", article.Title);
        Assert.False(article.TitleDerived);
        Assert.Equal("2017-04-25", article.Published.ToString());
        Assert.Equal(PublishedFrom.Dateline, article.PublishedFrom);
        Assert.Equal(["DE", "FI"], article.Countries.Order());
        var delegation = Assert.Single(article.Delegations);
        Assert.Equal("Nguyen Thanh Hung", delegation.Leader);
        Assert.Equal("VN", delegation.FromCountry);
        Assert.Equal(["DE", "FI"], delegation.Destinations);
        Assert.Equal("2017-04-05", delegation.Start.ToString());
        Assert.Equal("2017-04-11", delegation.End.ToString());
        Assert.Contains(article.Meetings, m => m.Kind == MeetingKind.Multilateral && m.CounterpartCountries.SequenceEqual(["DE"]));
        Assert.Contains(article.Meetings, m => m.Kind == MeetingKind.Bilateral && m.CounterpartCountries.SequenceEqual(["FI"]));
        Assert.Empty(article.Agreements);
    }

    [Fact]
    public void Should_read_the_talks_with_Russia_and_the_trip_told_in_passing()
    {
        var article = Fixtures.Extract("001_36685c26c6ed7f33.txt");

        var volin = Assert.Single(article.People, p => p.CountryCode == "RU");
        Assert.Equal("Volin Alexey Konstantinovics", volin.Name);
        Assert.Equal("Deputy Minister of Communications and Mass Media", volin.Title);
        var meeting = Assert.Single(article.Meetings);
        Assert.Equal("2017-04-25", meeting.Date.ToString());
        Assert.Equal(["Phan Tam", "Volin Alexey Konstantinovics"], meeting.Participants);
        var trip = Assert.Single(article.Delegations);
        Assert.Equal("VN", trip.FromCountry);
        Assert.Equal(["RU"], trip.Destinations);
        Assert.Equal("2015", trip.Start.ToString());
        Assert.Contains("Two years ago", trip.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_read_the_memorandum_with_Japan_its_signatories_and_validity()
    {
        var article = Fixtures.Extract("002_43bc5bf8eb7e91f7.txt");

        var takaichi = Assert.Single(article.People, p => p.CountryCode == "JP");
        Assert.Equal("Takaichi Sanae", takaichi.Name);
        Assert.Contains("Saka Takaichi Sanae", takaichi.Aliases);
        var memorandum = Assert.Single(article.Agreements);
        Assert.Equal("Memorandum of Understanding", memorandum.Kind);
        Assert.Equal(["JP"], memorandum.CounterpartCountries);
        Assert.Equal("2020-01-09", memorandum.SignedOn.ToString());
        Assert.Equal(["Nguyen Manh Hung", "Takaichi Sanae"], memorandum.Signatories);
        Assert.Equal("2020-2023", memorandum.Valid?.ToString());
        Assert.Equal("VH", article.Byline);
        Assert.Contains(article.Body, b => b.Kind == BlockKind.Photo && b.Text == "BT-hoi-dam-9-1-s.jpg");
        Assert.DoesNotContain(article.Body, b => b.Text == "Top");
    }

    [Fact]
    public void Should_date_an_article_without_dateline_from_its_photo_and_keep_the_photographer_out()
    {
        var article = Fixtures.Extract("003_860488fec2fe90e9.txt");

        Assert.True(article.TitleDerived);
        Assert.Equal("2024-11-28", article.Published.ToString());
        Assert.Equal(PublishedFrom.PhotoFileName, article.PublishedFrom);
        Assert.Empty(article.Countries);
        Assert.Equal(["Nguyen Manh Hung", "Do Hung Viet"], article.People.Select(p => p.Name));
        Assert.DoesNotContain(article.People, p => p.Name.Contains("Le Anh Dung", StringComparison.Ordinal));
        var meeting = Assert.Single(article.Meetings);
        Assert.Equal(MeetingKind.Domestic, meeting.Kind);
        Assert.Equal("2024-11-28", meeting.Date.ToString());
        Assert.Equal("Hanoi", meeting.Location);
        Assert.Equal("The Vinh", article.Byline);
        Assert.Contains(article.Body, b => b.Kind == BlockKind.Caption && b.Text.EndsWith("Photo: Le Anh Dung", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_read_the_ASEAN_conference_its_five_bilateral_meetings_and_what_was_adopted()
    {
        var article = Fixtures.Extract("004_9ed1b855dc992e56.txt");

        Assert.Equal("2025-01-18", article.Published.ToString());
        Assert.Equal(PublishedFrom.SourceUrl, article.PublishedFrom);
        Assert.Equal("https://mic.gov.vn/tang-cuong-hop-tac-so-voi-asean-va-cac-nuoc-doi-thoai-197250118201044849.htm", article.SourceUrl);
        Assert.Equal(["KH", "LA", "MM", "TH", "TL"], article.Countries.Order());
        Assert.Single(article.Meetings, m => m.Kind == MeetingKind.Multilateral);
        Assert.Equal(["KH", "LA", "MM", "TH", "TL"], article.Meetings.Where(m => m.Kind == MeetingKind.Bilateral).SelectMany(m => m.CounterpartCountries).Order());
        Assert.Contains(article.People, p => p.Name == "Miguel Marques Gonçalves Manetelu" && p.CountryCode == "TL");
        Assert.Contains(article.Agreements, a => a.Kind == "Memorandum of Understanding" && a.CounterpartCountries.SequenceEqual(["TL"]));
        Assert.Contains(article.Agreements, a => a.Kind == "Declaration" && a.Name == "Bangkok Declaration" && a.CounterpartCountries.Count == 0);
        Assert.Contains(article.Agreements, a => a.Kind == "Cooperation plan" && a.Valid?.ToString() == "2025");
        Assert.DoesNotContain(article.Body, b => b.Text.StartsWith("Comment", StringComparison.Ordinal) || b.Text.StartsWith("Source:", StringComparison.Ordinal));
    }
}
