using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MinistryNews.Core.Countries;
using MinistryNews.Core.Extraction;
using Xunit.Abstractions;

namespace MinistryNews.Core.Tests.Extraction;

/// <summary>
/// Shows that the rules read the shape of the text, not the words of the files of the data folder: each article is rewritten
/// with its people, countries and years swapped for others (every spelling of a country for the same form of
/// another one, every word of a name for another word, every year moved on), and the extraction must find the
/// swapped facts as the gold, swapped the same way, says.
/// </summary>
public sealed class SwapTests(ITestOutputHelper output)
{
    // Countries of the real files and the ones put in their place: each with a name and an adjective in the gazetteer, and
    // named in no file that names the country it replaces. One pass makes every swap, so a country both replaced and put
    // in another's place (Egypt, the Philippines, Brazil) is still one country for one.
    private static readonly Dictionary<string, string> CountrySwaps = new(StringComparer.Ordinal)
    {
        ["JP"] = "FR", ["RU"] = "PL", ["DE"] = "IT", ["FI"] = "SE", ["LA"] = "MN", ["TH"] = "PH", ["MM"] = "BD", ["KH"] = "NP",
        ["TL"] = "LK", ["CN"] = "BR", ["ID"] = "MX", ["GB"] = "CA", ["KR"] = "AU", ["IN"] = "EG",
        ["KZ"] = "UZ", ["AZ"] = "AM", ["BY"] = "UA", ["EG"] = "MA", ["PH"] = "PE", ["AO"] = "MZ", ["MY"] = "NG", ["CU"] = "VE",
        ["US"] = "ZA", ["CZ"] = "AT", ["SA"] = "QA", ["SG"] = "PT", ["TZ"] = "KE", ["BN"] = "OM", ["BR"] = "AR",
    };

    private static readonly string[] Replacements =
    [
        "Alder", "Birch", "Cedar", "Dorn", "Elm", "Fenn", "Garrow", "Hale", "Ives", "Jory", "Kell", "Lorne", "Marl", "Noll", "Orrin", "Penn",
        "Quill", "Rook", "Soren", "Tarn", "Ulm", "Vane", "Wren", "Yarrow", "Zell", "Abbot", "Brand", "Corwin", "Dace", "Eames",
    ];

    private static readonly Dictionary<string, string> VietnameseSurnames = new(StringComparer.Ordinal)
    {
        ["Nguyen"] = "Tran", ["Phan"] = "Vu", ["Hoang"] = "Dang", ["Truong"] = "Bui", ["Le"] = "Ngo", ["Pham"] = "Duong", ["Do"] = "Dinh",
    };

    [Theory]
    [InlineData("seeds")]
    [InlineData("dev")]
    public void Should_find_the_swapped_facts_in_each_swapped_article(string set)
    {
        var gazetteer = ArticleExtractor.Default.Gazetteer;
        var gold = new List<JsonObject>();
        var predictions = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var original in Fixtures.Gold(set))
        {
            var file = original["file"]!.GetValue<string>();
            var text = File.ReadAllText(Path.Combine(TempArchive.RepositoryData, file));
            var words = NameWords(original, text);
            var swappedText = SwapYears(SwapWords(SwapCountries(text, gazetteer), words));
            var swappedGold = JsonNode.Parse(SwapYears(SwapWords(SwapGoldCountries(original, gazetteer), words)))!.AsObject();
            gold.Add(swappedGold);
            var article = ArticleExtractor.Default.Extract(new SourceDocument(file, swappedText));
            predictions[file] = JsonNode.Parse(ContractJson.Serialize(article, gazetteer))!.AsObject();
        }

        var score = ExtractionScorer.Score(gold, predictions);
        foreach (var (file, notes) in score.Differences)
        {
            output.WriteLine($"{file}: {string.Join("; ", notes)}");
        }

        // The swapped articles read as well as the real ones: a rule that leaned on a word of these files would lose here.
        var real = Fixtures.Score(set);
        Assert.True(score.MacroF1 >= real.MacroF1 - 0.02, $"macro F1 {score.MacroF1:F3} on swapped {set} against {real.MacroF1:F3} on the real articles: {string.Join(" | ", score.Differences.Select(d => $"{d.Key}: {string.Join("; ", d.Value)}"))}");
        Assert.True(score.PublishedRight >= real.PublishedRight, $"{score.PublishedRight} publication dates right on swapped {set} against {real.PublishedRight} on the real articles");
    }

    [Fact]
    public void Should_swap_every_spelling_of_a_country_for_the_same_form_of_the_other()
    {
        var swapped = SwapCountries("the Lao Minister of Laos met the Russian Federation's and Japanese delegations in Vientiane", ArticleExtractor.Default.Gazetteer);

        Assert.Equal("the Mongolian Minister of Mongolia met the Poland's and French delegations in Ulaanbaatar", swapped);
    }

    /// <summary>Each word of each person's name gets a word of its own; Vietnamese family names stay Vietnamese.</summary>
    private static Dictionary<string, string> NameWords(JsonObject gold, string text)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var next = 0;
        foreach (var person in gold["people"]!.AsArray().OfType<JsonObject>())
        {
            foreach (var word in person["name"]!.GetValue<string>().Split(' ', '-'))
            {
                if (!map.ContainsKey(word))
                {
                    map[word] = VietnameseSurnames.GetValueOrDefault(word) ?? Replacements[next++ % Replacements.Length];
                }
            }
        }

        // A spelling a letter away from a name ("Guo Wenmin" for "Guo Weimin") stays a letter away from the new name.
        foreach (Match word in Regex.Matches(text, @"\p{Lu}\p{Ll}{3,}"))
        {
            if (!map.ContainsKey(word.Value) && map.Keys.FirstOrDefault(k => k.Length >= 4 && OneLetterApart(k, word.Value)) is { } near)
            {
                map[word.Value] = map[near] + "e";
            }
        }

        return map;
    }

    private static bool OneLetterApart(string a, string b) =>
        a.Length == b.Length && a.Zip(b).Count(p => p.First != p.Second) == 1;

    private static string SwapWords(string text, Dictionary<string, string> words) =>
        words.Count == 0 ? text : Regex.Replace(text, @"(?<![\p{L}])(?:" + string.Join('|', words.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}])", m => words[m.Value]);

    /// <summary>Every year moves three years on, in the text, the photo file names and mic.gov.vn URLs alike.</summary>
    private static string SwapYears(string text)
    {
        text = Regex.Replace(text, @"(?<!\d)(19[5-9]\d|20[0-2]\d)(?!\d)", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + 3).ToString(CultureInfo.InvariantCulture));
        text = Regex.Replace(text, @"(?<=-197)(\d{2})(?=\d{10})", m => (int.Parse(m.Value, CultureInfo.InvariantCulture) + 3).ToString("00", CultureInfo.InvariantCulture));
        return Regex.Replace(text, @"(?<!\d)(20[0-2]\d)(\d{4})(?!\d)", m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 3).ToString(CultureInfo.InvariantCulture) + m.Groups[2].Value);
    }

    private static string SwapCountries(string text, Gazetteer gazetteer)
    {
        var forms = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (from, to) in CountrySwaps)
        {
            var source = gazetteer.GetByCode(from);
            var target = gazetteer.GetByCode(to);
            foreach (var name in source.Aliases.Prepend(source.Name))
            {
                forms.TryAdd(name.StartsWith("the ", StringComparison.Ordinal) ? name[4..] : name, target.Name);
            }

            foreach (var demonym in source.Demonyms)
            {
                forms.TryAdd(demonym, target.Demonyms[0]);
            }

            foreach (var (city, index) in source.Cities.Select((c, i) => (c, i)))
            {
                forms.TryAdd(city, target.Cities[Math.Min(index, target.Cities.Count - 1)]);
            }
        }

        // Headlines in capitals name countries in capitals too.
        foreach (var (form, swapped) in forms.ToList())
        {
            forms.TryAdd(form.ToUpperInvariant(), swapped.ToUpperInvariant());
        }

        var pattern = @"(?<![\p{L}])(?:" + string.Join('|', forms.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)) + @")(?![\p{L}])";
        return Regex.Replace(text, pattern, m => forms[m.Value]);
    }

    private static string SwapGoldCountries(JsonObject gold, Gazetteer gazetteer)
    {
        var node = gold.DeepClone().AsObject();
        Swap(node);
        if (node["title"] is JsonValue title && title.TryGetValue<string>(out var headline))
        {
            node["title"] = SwapCountries(headline, gazetteer);
        }

        return node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        void Swap(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o:
                    foreach (var key in o.Select(p => p.Key).ToList())
                    {
                        if (key is "country" or "from_country" && o[key] is JsonValue v && v.TryGetValue<string>(out var single))
                        {
                            o[key] = Swapped(single);
                        }
                        else if (key is "countries" or "counterpart_countries" or "destinations" && o[key] is JsonArray list)
                        {
                            o[key] = new JsonArray([.. list.Select(c => (JsonNode?)JsonValue.Create(Swapped(c!.GetValue<string>())))]);
                        }
                        else if (key is "location" && o[key] is JsonValue loc && loc.TryGetValue<string>(out var city))
                        {
                            o[key] = city;
                        }
                        else
                        {
                            Swap(o[key]);
                        }
                    }

                    break;
                case JsonArray a:
                    foreach (var item in a)
                    {
                        Swap(item);
                    }

                    break;
            }
        }

        string Swapped(string name) =>
            gazetteer.FindByName(name) is { } entry && CountrySwaps.TryGetValue(entry.Code, out var to) ? gazetteer.GetByCode(to).Name : name;
    }
}
