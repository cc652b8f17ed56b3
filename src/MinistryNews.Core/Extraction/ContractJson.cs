using System.Text.Encodings.Web;
using System.Text.Json;
using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Extraction;

/// <summary>
/// Writes an extraction in the shape of docs/extraction-contract.md: one JSON object per article,
/// countries by common English short name, dates as YYYY, YYYY-MM or YYYY-MM-DD.
/// </summary>
public static class ContractJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string Serialize(ExtractedArticle article, Gazetteer gazetteer, bool includeEvidence = false)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, article, gazetteer, includeEvidence);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, ExtractedArticle article, Gazetteer gazetteer, bool includeEvidence = false)
    {
        string Country(string code) => gazetteer.FindByCode(code)?.Name ?? code;

        void Countries(string name, IEnumerable<string> codes)
        {
            writer.WriteStartArray(name);
            foreach (var code in codes)
            {
                writer.WriteStringValue(Country(code));
            }

            writer.WriteEndArray();
        }

        void Names(string name, IEnumerable<string> names)
        {
            writer.WriteStartArray(name);
            foreach (var value in names)
            {
                writer.WriteStringValue(value);
            }

            writer.WriteEndArray();
        }

        void Date(string name, PartialDate? date)
        {
            if (date is { } value)
            {
                writer.WriteString(name, value.ToString());
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        void Text(string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        void Source(DateSource source) => writer.WriteString("date_source", source.ToString().ToLowerInvariant());

        void Evidence(string evidence)
        {
            if (includeEvidence)
            {
                writer.WriteString("evidence", evidence);
            }
        }

        writer.WriteStartObject();
        writer.WriteString("file", article.FileName);
        writer.WriteString("title", article.Title);
        Date("published", article.Published);
        Countries("countries", article.Countries);

        writer.WriteStartArray("people");
        foreach (var person in article.People)
        {
            writer.WriteStartObject();
            writer.WriteString("name", person.Name);
            Text("title", person.Title);
            Text("country", person.CountryCode is null ? null : Country(person.CountryCode));
            if (person.Organisation is not null)
            {
                writer.WriteString("organisation", person.Organisation);
            }

            Evidence(person.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("meetings");
        foreach (var meeting in article.Meetings)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", meeting.Kind.ToString().ToLowerInvariant());
            Date("date", meeting.Date);
            Names("participants", meeting.Participants);
            Countries("counterpart_countries", meeting.CounterpartCountries);
            Text("location", meeting.Location);
            Text("name", meeting.Name);
            Text("counterpart_organisation", meeting.CounterpartOrganisation);
            Source(meeting.DateSource);
            Evidence(meeting.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("delegations");
        foreach (var delegation in article.Delegations)
        {
            writer.WriteStartObject();
            Text("leader", delegation.Leader);
            Text("from_country", delegation.FromCountry is null ? null : Country(delegation.FromCountry));
            Countries("destinations", delegation.Destinations);
            Date("start", delegation.Start);
            Date("end", delegation.End);
            Source(delegation.DateSource);
            Evidence(delegation.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("agreements");
        foreach (var agreement in article.Agreements)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", agreement.Kind);
            Text("name", agreement.Name);
            Countries("counterpart_countries", agreement.CounterpartCountries);
            Date("signed", agreement.SignedOn);
            Names("signatories", agreement.Signatories);
            Text("valid", agreement.Valid?.ToString());
            Text("subject", agreement.Subject);
            Text("counterpart_organisation", agreement.CounterpartOrganisation);
            Source(agreement.DateSource);
            Text("place", agreement.Place);
            if (agreement.Renews is { } renews)
            {
                writer.WriteStartObject("renews");
                writer.WriteString("kind", renews.Kind);
                Date("signed_on", renews.SignedOn);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("renews");
            }

            Evidence(agreement.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("organisations");
        foreach (var organisation in article.Organisations)
        {
            writer.WriteStartObject();
            writer.WriteString("name", organisation.Name);
            Text("acronym", organisation.Acronym);
            Text("country", organisation.CountryCode is null ? null : Country(organisation.CountryCode));
            Evidence(organisation.Evidence);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
