using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MinistryNews.Core.Countries;

namespace MinistryNews.Core.Generation;

/// <summary>A generated press release: its file name, its text, and the gold facts it was written from (contract JSON).</summary>
public sealed record GeneratedArticle(string FileName, string Text, string GoldJson);

/// <summary>
/// Writes realistic press releases in the shapes of the real files — with and without headline and dateline, source
/// URLs, photo file names and captions, bylines, site chrome; visits both ways, bilateral and multilateral meetings,
/// agreements with validity periods — from the gazetteer and plausible names, with the gold of what each one says.
/// The same seed gives the same corpus.
/// </summary>
public sealed class CorpusGenerator(Gazetteer gazetteer, int seed)
{
    private static readonly string[] Surnames = ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Phan", "Vu", "Dang", "Bui", "Do", "Ho", "Ngo", "Duong", "Ly"];
    private static readonly string[] Middles = ["Van", "Thi", "Manh", "Duc", "Minh", "Thanh", "Huy", "Hong", "Quoc", "Xuan", "Ngoc", "Dinh"];
    private static readonly string[] Givens = ["Hung", "Tuan", "Long", "Dung", "Hai", "Tam", "Son", "Phuong", "Lan", "Anh", "Khoa", "Nam", "Quang", "Trung"];
    private static readonly string[] ForeignParts = ["Ka", "mi", "ro", "Ta", "na", "Se", "li", "Mo", "ra", "Ve", "to", "Lu", "sa", "Ne", "ko", "Da", "vi", "Ri", "ma", "Bo"];
    private static readonly string[] Areas = ["digital transformation", "cybersecurity", "5G networks", "postal services", "artificial intelligence", "e-government", "the digital economy", "semiconductors", "press and publishing", "radio frequency management"];
    private static readonly string[] Fillers =
    [
        "The two sides shared experience in building legal frameworks for {0} and in training high-quality human resources.",
        "Both sides highly appreciated the results of cooperation in recent years and hoped to expand it to {0}.",
        "The officials exchanged views on policies to develop {0}, and on support for businesses of both countries.",
        "They noted that {0} was becoming a priority in the cooperation programmes of the two ministries.",
        "Experts from both sides presented the state of {0} and the lessons learned from pilot projects.",
    ];

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(seed);
    private readonly CountryEntry[] _partners = [.. gazetteer.Countries.Where(c => c.Demonyms.Count > 0 && c.Cities.Count > 0 && c.Code != "VN")];

    public IEnumerable<GeneratedArticle> Generate(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next(i);
        }
    }

    private GeneratedArticle Next(int index)
    {
        var country = Pick(_partners);
        var date = new DateOnly(2010, 1, 1).AddDays(_random.Next(0, 15 * 365));
        var home = (Name: $"{Pick(Surnames)} {Pick(Middles)} {Pick(Givens)}", Title: Pick(["Minister of Information and Communications", "Deputy Minister of Information and Communications"]));
        var guest = (Name: ForeignName(), Title: Pick(["Minister of Digital Affairs", "Minister of Communications", "Deputy Minister of Information", "Vice Minister of Science and Technology"]));
        var area = Pick(Areas);
        var shape = _random.Next(4);
        var eventDate = date.AddDays(-1);
        var paragraphs = new List<string>();
        var gold = new Gold(country.Name);
        gold.People.Add(new GoldPerson(home.Name, home.Title, "Vietnam"));
        gold.People.Add(new GoldPerson(guest.Name, guest.Title, country.Name));

        string headline;
        switch (_random.Next(3))
        {
            case 0:
                // A reception in Hanoi of a visiting delegation.
                headline = $"{ShortTitle(home.Title)} {home.Name} receives {country.Demonyms[0]} delegation";
                paragraphs.Add($"On {Day(eventDate)}, in Hanoi, {home.Title} {home.Name} received the delegation of the {MinistryOf(guest.Title)} of {country.Name} headed by {guest.Title} {guest.Name}.");
                gold.Meetings.Add(new GoldMeeting("bilateral", Iso(eventDate), [home.Name, guest.Name], [country.Name], "Hanoi"));
                gold.Delegations.Add(new GoldDelegation(guest.Name, country.Name, ["Vietnam"], null, null));
                break;
            case 1:
                // A working visit abroad, with talks in the capital.
                var start = eventDate.AddDays(-2);
                var city = country.Cities[0];
                headline = $"{ShortTitle(home.Title)} {home.Name} pays a working visit to {country.Name}";
                paragraphs.Add($"From {Day(start)} to {eventDate.Day}, a delegation of the Ministry of Information and Communications led by {home.Title} {home.Name} paid a working visit to {country.Name}.");
                paragraphs.Add($"On {Day(eventDate)}, in {city}, {ShortTitle(home.Title)} {home.Name} held talks with {country.Demonyms[0]} {guest.Title} {guest.Name}.");
                gold.Delegations.Add(new GoldDelegation(home.Name, "Vietnam", [country.Name], Iso(start), Iso(eventDate)));
                gold.Meetings.Add(new GoldMeeting("bilateral", Iso(eventDate), [home.Name, guest.Name], [country.Name], city));
                break;
            default:
                // A ministerial conference abroad, with a bilateral meeting on its sidelines.
                var host = country;
                headline = $"{ShortTitle(home.Title)} {home.Name} attends the Digital Ministers Meeting in {host.Name}";
                paragraphs.Add($"On {Day(eventDate)}, {home.Title} {home.Name} attended the {Ordinal(_random.Next(2, 12))} Asia-Pacific Digital Ministers Meeting in {host.Cities[0]}, {host.Name}.");
                paragraphs.Add($"On the sidelines of the conference, {ShortTitle(home.Title)} {home.Name} had a bilateral meeting with {host.Demonyms[0]} {guest.Title} {guest.Name}.");
                gold.Meetings.Add(new GoldMeeting("multilateral", Iso(eventDate), [home.Name], [host.Name], host.Cities[0]));
                gold.Meetings.Add(new GoldMeeting("bilateral", Iso(eventDate), [home.Name, guest.Name], [host.Name], null));
                break;
        }

        if (_random.Next(3) == 0)
        {
            var from = eventDate.Year;
            var to = from + _random.Next(2, 6);
            paragraphs.Add($"After the talks, the two ministers signed a Memorandum of Understanding on cooperation in {area} for the {from}-{to} period.");
            gold.Agreements.Add(new GoldAgreement("Memorandum of Understanding", [country.Name], Iso(eventDate), [home.Name, guest.Name], $"{from}-{to}"));
        }

        // Talk that tells no event, to bring the article to a realistic length.
        var target = _random.Next(2000, 6000);
        while (paragraphs.Sum(p => p.Length) < target)
        {
            paragraphs.Add(string.Format(CultureInfo.InvariantCulture, Pick(Fillers), Pick(Areas)) + " " + string.Format(CultureInfo.InvariantCulture, Pick(Fillers), Pick(Areas)));
        }

        var text = new StringBuilder();
        var withHeadline = shape != 1;
        if (withHeadline)
        {
            text.Append(headline).Append("\n\n");
            gold.Title = headline;
        }

        switch (shape)
        {
            case 0 or 2:
                text.Append(date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)).Append(" | ").Append(_random.Next(7, 11).ToString("00", CultureInfo.InvariantCulture)).Append(":15 am GMT+7\n\n");
                break;
        }

        for (var p = 0; p < paragraphs.Count; p++)
        {
            text.Append(paragraphs[p]).Append("\n\n");
            if (p == 0 && shape == 1)
            {
                text.Append(CultureInfo.InvariantCulture, $"PSX_{date:yyyyMMdd}_{_random.Next(100000, 999999)}.jpg\n");
                text.Append(CultureInfo.InvariantCulture, $"{home.Name} and {guest.Name} at the meeting. Photo: {Pick(Surnames)} {Pick(Givens)}\n\n");
            }
        }

        if (shape == 3)
        {
            text.Append(CultureInfo.InvariantCulture, $"Source: https://mic.gov.vn/generated-{index}-197{date:yyMMdd}{_random.Next(100000, 999999)}{_random.Next(100, 999)}.htm\n\n");
        }

        if (shape == 2)
        {
            text.Append(Pick(Surnames)).Append(' ').Append(Pick(Givens)).Append("\nTop\nComment (0)\n");
        }

        // Every shape carries the date: a dateline, a photo's file name or a source URL.
        gold.Published = Iso(date);
        var fileName = $"gen-{index:D6}.txt";
        return new GeneratedArticle(fileName, text.ToString(), gold.ToJson(fileName));
    }

    private string ForeignName()
    {
        string Word()
        {
            var first = Pick(ForeignParts);
            return char.ToUpperInvariant(first[0]) + first[1..].ToLowerInvariant() + Pick(ForeignParts).ToLowerInvariant() + Pick(ForeignParts).ToLowerInvariant();
        }

        return $"{Word()} {Word()}";
    }

    private static string ShortTitle(string title) => title.StartsWith("Deputy", StringComparison.Ordinal) ? "Deputy Minister" : "Minister";

    private static string MinistryOf(string title) => "Ministry of " + title[(title.IndexOf(" of ", StringComparison.Ordinal) + 4)..];

    private static string Day(DateOnly date) => date.ToString("MMMM d", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Ordinal(int n) => n + (n % 10) switch { 1 when n != 11 => "st", 2 when n != 12 => "nd", 3 when n != 13 => "rd", _ => "th" };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private sealed record GoldPerson(string Name, string Title, string Country);

    private sealed record GoldMeeting(string Kind, string? Date, string[] Participants, string[] CounterpartCountries, string? Location);

    private sealed record GoldDelegation(string? Leader, string FromCountry, string[] Destinations, string? Start, string? End);

    private sealed record GoldAgreement(string Kind, string[] CounterpartCountries, string? Signed, string[] Signatories, string? Valid);

    private sealed class Gold(string country)
    {
        public string? Title { get; set; }

        public string? Published { get; set; }

        public List<GoldPerson> People { get; } = [];

        public List<GoldMeeting> Meetings { get; } = [];

        public List<GoldDelegation> Delegations { get; } = [];

        public List<GoldAgreement> Agreements { get; } = [];

        public string ToJson(string file) => JsonSerializer.Serialize(
            new Dictionary<string, object?>
            {
                ["file"] = file,
                ["title"] = Title,
                ["published"] = Published,
                ["countries"] = new[] { country },
                ["people"] = People.Select(p => new { name = p.Name, title = p.Title, country = p.Country }),
                ["meetings"] = Meetings.Select(m => new { kind = m.Kind, date = m.Date, participants = m.Participants, counterpart_countries = m.CounterpartCountries, location = m.Location }),
                ["delegations"] = Delegations.Select(d => new { leader = d.Leader, from_country = d.FromCountry, destinations = d.Destinations, start = d.Start, end = d.End }),
                ["agreements"] = Agreements.Select(a => new { kind = a.Kind, counterpart_countries = a.CounterpartCountries, signed = a.Signed, signatories = a.Signatories, valid = a.Valid }),
            },
            Json);
    }
}
