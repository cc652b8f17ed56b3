using MinistryNews.Core.Articles;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using MinistryNews.Core.People;

namespace MinistryNews.Core.Meetings;

/// <summary>An encounter told by an article: talks, a reception, a working session, a conference.</summary>
public sealed class Meeting
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public MeetingKind Kind { get; set; }

    public PartialDate? Date { get; set; }

    public string? Location { get; set; }

    public List<Person> Participants { get; set; } = [];

    public List<Country> CounterpartCountries { get; set; } = [];

    /// <summary>The sentence the meeting was read from.</summary>
    public required string Evidence { get; set; }
}
