using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Web.Editors;

/// <summary>A form's value that cannot be read: the message names the field and what is wrong.</summary>
public sealed class FormProblemException(string message) : Exception(message);

/// <summary>
/// The fields of the editors' forms for one fact, and the fact they make. Countries are typed as names or codes,
/// separated by commas, and read through the gazetteer; dates as YYYY, YYYY-MM or YYYY-MM-DD; people are chosen among
/// those the article names.
/// </summary>
public static class FactForms
{
    public static PartialDate? Date(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return PartialDate.TryParse(text.Trim(), out var date)
            ? date
            : throw new FormProblemException($"{field}: '{text.Trim()}' is not a date (write 2019, 2019-11 or 2019-11-05).");
    }

    public static IReadOnlyList<string> Countries(string? text, string field)
    {
        var codes = new List<string>();
        foreach (var name in (text ?? string.Empty).Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var entry = (name.Length == 2 ? Gazetteer.Default.FindByCode(name.ToUpperInvariant()) : null) ?? Gazetteer.Default.FindByName(name)
                ?? throw new FormProblemException($"{field}: no country is called '{name}'.");
            if (!codes.Contains(entry.Code))
            {
                codes.Add(entry.Code);
            }
        }

        return codes;
    }

    public static string? Country(string? text, string field) => Countries(text, field) switch
    {
        [] => null,
        [var one] => one,
        _ => throw new FormProblemException($"{field}: name one country."),
    };

    /// <summary>The countries of a fact as the form shows them: their names, separated by commas.</summary>
    public static string Names(IEnumerable<string> codes) => string.Join(", ", codes.Select(c => Gazetteer.Default.FindByCode(c)?.Name ?? c));

    public static string? Text(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Only names the article's people go by (an unknown one would be dropped in silence when stored).</summary>
    public static List<string> People(IEnumerable<string>? chosen, ExtractedArticle article, string field)
    {
        var names = article.People.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var list = new List<string>();
        foreach (var name in chosen ?? [])
        {
            if (!names.Contains(name))
            {
                throw new FormProblemException($"{field}: '{name}' is not among the article's people (link the person to the article first).");
            }

            if (!list.Contains(name))
            {
                list.Add(name);
            }
        }

        return list;
    }
}

/// <summary>A meeting's fields.</summary>
public sealed class MeetingForm
{
    public MeetingKind Kind { get; set; }

    public string? Date { get; set; }

    public string? Location { get; set; }

    public string? Name { get; set; }

    public string? Organisation { get; set; }

    public string? Countries { get; set; }

    public List<string> Participants { get; set; } = [];

    public string? Evidence { get; set; }

    public static MeetingForm Of(ExtractedMeeting meeting) => new()
    {
        Kind = meeting.Kind,
        Date = meeting.Date?.ToString(),
        Location = meeting.Location,
        Name = meeting.Name,
        Organisation = meeting.CounterpartOrganisation,
        Countries = FactForms.Names(meeting.CounterpartCountries),
        Participants = [.. meeting.Participants],
        Evidence = meeting.Evidence,
    };

    public ExtractedMeeting ToFact(ExtractedArticle article, ExtractedMeeting? before)
    {
        var date = FactForms.Date(Date, "Date");
        return new ExtractedMeeting(Kind, date, FactForms.Text(Location), FactForms.People(Participants, article, "Participants"), FactForms.Countries(Countries, "Countries"), FactForms.Text(Evidence) ?? before?.Evidence ?? string.Empty)
        {
            Name = FactForms.Text(Name),
            CounterpartOrganisation = FactForms.Text(Organisation),
            DateSource = date is null ? DateSource.None : date == before?.Date ? before.DateSource : DateSource.Editors,
        };
    }
}

/// <summary>A delegation's fields.</summary>
public sealed class DelegationForm
{
    public string? Leader { get; set; }

    public List<string> Members { get; set; } = [];

    public string? FromCountry { get; set; }

    public string? Destinations { get; set; }

    public string? Start { get; set; }

    public string? End { get; set; }

    public string? Evidence { get; set; }

    public static DelegationForm Of(ExtractedDelegation delegation) => new()
    {
        Leader = delegation.Leader,
        Members = [.. delegation.Members],
        FromCountry = delegation.FromCountry is { } from ? FactForms.Names([from]) : null,
        Destinations = FactForms.Names(delegation.Destinations),
        Start = delegation.Start?.ToString(),
        End = delegation.End?.ToString(),
        Evidence = delegation.Evidence,
    };

    public ExtractedDelegation ToFact(ExtractedArticle article, ExtractedDelegation? before)
    {
        var start = FactForms.Date(Start, "Start");
        var leader = FactForms.Text(Leader) is { } name ? FactForms.People([name], article, "Leader")[0] : null;
        var destinations = FactForms.Countries(Destinations, "Destinations");
        if (destinations.Count == 0)
        {
            throw new FormProblemException("Destinations: name at least one country.");
        }

        return new ExtractedDelegation(leader, FactForms.People(Members, article, "Members"), FactForms.Country(FromCountry, "From"), destinations, start, FactForms.Date(End, "End"), FactForms.Text(Evidence) ?? before?.Evidence ?? string.Empty)
        {
            DateSource = start is null ? DateSource.None : start == before?.Start ? before.DateSource : DateSource.Editors,
        };
    }
}

/// <summary>An agreement's fields, its subject, validity and the document it renews (its predecessor) among them.</summary>
public sealed class AgreementForm
{
    public string? Kind { get; set; }

    public string? Name { get; set; }

    public string? Subject { get; set; }

    public string? Countries { get; set; }

    public string? Organisation { get; set; }

    public string? SignedOn { get; set; }

    public string? Place { get; set; }

    public string? ValidFrom { get; set; }

    public string? ValidTo { get; set; }

    public string? RenewsKind { get; set; }

    public string? RenewsSignedOn { get; set; }

    public List<string> Signatories { get; set; } = [];

    public string? Evidence { get; set; }

    public static AgreementForm Of(ExtractedAgreement agreement) => new()
    {
        Kind = agreement.Kind,
        Name = agreement.Name,
        Subject = agreement.Subject,
        Countries = FactForms.Names(agreement.CounterpartCountries),
        Organisation = agreement.CounterpartOrganisation,
        SignedOn = agreement.SignedOn?.ToString(),
        Place = agreement.Place,
        ValidFrom = agreement.Valid?.From?.ToString(),
        ValidTo = agreement.Valid?.To?.ToString(),
        RenewsKind = agreement.Renews?.Kind,
        RenewsSignedOn = agreement.Renews?.SignedOn?.ToString(),
        Signatories = [.. agreement.Signatories],
        Evidence = agreement.Evidence,
    };

    public ExtractedAgreement ToFact(ExtractedArticle article, ExtractedAgreement? before)
    {
        var kind = FactForms.Text(Kind) ?? throw new FormProblemException("Kind: say what the document is (Memorandum of Understanding, Agreement...).");
        var signed = FactForms.Date(SignedOn, "Signed on");
        var (from, to) = (FactForms.Date(ValidFrom, "Valid from"), FactForms.Date(ValidTo, "Valid to"));
        var renewsSigned = FactForms.Date(RenewsSignedOn, "Renews: signed on");
        return new ExtractedAgreement(kind, FactForms.Text(Name), FactForms.Countries(Countries, "Countries"), signed, FactForms.People(Signatories, article, "Signatories"), from is null && to is null ? null : new Validity(from, to), FactForms.Text(Evidence) ?? before?.Evidence ?? string.Empty)
        {
            Subject = FactForms.Text(Subject),
            CounterpartOrganisation = FactForms.Text(Organisation),
            Place = FactForms.Text(Place),
            Renews = FactForms.Text(RenewsKind) is { } renews ? new AgreementReference(renews, renewsSigned) : null,
            DateSource = signed is null ? DateSource.None : signed == before?.SignedOn ? before.DateSource : DateSource.Editors,
        };
    }
}

/// <summary>A person linked to the article by an editor.</summary>
public sealed class PersonForm
{
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? Country { get; set; }

    public ExtractedPerson ToFact() => new(
        FactForms.Text(Name) ?? throw new FormProblemException("Name: say who."),
        [],
        FactForms.Text(Title),
        FactForms.Country(Country, "Country"),
        string.Empty);
}
