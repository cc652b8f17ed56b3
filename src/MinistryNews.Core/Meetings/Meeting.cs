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

    /// <summary>Where <see cref="Date"/> came from; <see cref="DateSource.None"/> when the text gives no date.</summary>
    public DateSource DateSource { get; set; }

    public string? Location { get; set; }

    /// <summary>The meeting's name as written, when it has one ("the 5th ASEAN Digital Ministers' Meeting").</summary>
    public string? Name { get; set; }

    /// <summary>The foreign organisation met, as written ("the Ministry of Internal Affairs and Communications").</summary>
    public string? CounterpartOrganisation { get; set; }

    public List<Person> Participants { get; set; } = [];

    public List<Country> CounterpartCountries { get; set; } = [];

    /// <summary>
    /// The name of the first of <see cref="CounterpartCountries"/> in the order of names (null when none), written with
    /// them: the meetings table's sort by country reads it from an index instead of every meeting's countries.
    /// </summary>
    public string? FirstCountryName { get; set; }

    /// <summary>The editor's correction that made or last changed this fact, when one did (<see cref="Corrections.Correction"/>).</summary>
    public int? CorrectionId { get; set; }

    /// <summary>The sentence the meeting was read from.</summary>
    public required string Evidence { get; set; }
}
