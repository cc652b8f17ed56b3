using System.Text.Json.Nodes;

namespace MinistryNews.Core.Extraction;

/// <summary>Precision, recall and F1 of one field over a set of articles.</summary>
public sealed record FieldScore(string Field, int TruePositives, int Gold, int Predicted)
{
    public double Precision => Predicted > 0 ? (double)TruePositives / Predicted : Gold == 0 ? 1 : 0;

    public double Recall => Gold > 0 ? (double)TruePositives / Gold : Predicted == 0 ? 1 : 0;

    public double F1 => Precision + Recall > 0 ? 2 * Precision * Recall / (Precision + Recall) : 0;
}

/// <summary>The score of an extraction against hand annotations, and what differed, article by article.</summary>
public sealed record ExtractionScore(
    IReadOnlyList<FieldScore> Fields,
    int TitlesRight,
    int Titles,
    int PublishedRight,
    int Published,
    int EventDatesRight,
    int EventDates,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Differences)
{
    /// <summary>The mean of the F1 of countries, people, meetings, delegations and agreements.</summary>
    public double MacroF1 => Fields.Average(f => f.F1);
}

/// <summary>
/// Scores extractions in the contract's JSON shape against gold annotations, the way the project's reference
/// scorer does: countries and people as sets (names folded, honorifics ignored, a shorter name of two or more
/// words inside a longer one counting as the same person); meetings, delegations and agreements matched one to
/// one by their country sets (Jaccard at least 0.5).
/// </summary>
public static class ExtractionScorer
{
    private static readonly Dictionary<string, string> CountryAliases = new(StringComparer.Ordinal)
    {
        ["russian federation"] = "russia", ["the russian federation"] = "russia", ["republic of korea"] = "south korea", ["korea"] = "south korea",
        ["rok"] = "south korea", ["dprk"] = "north korea", ["lao pdr"] = "laos", ["lao"] = "laos", ["timor leste"] = "timor-leste",
        ["east timor"] = "timor-leste", ["usa"] = "united states", ["us"] = "united states", ["u s"] = "united states",
        ["united states of america"] = "united states", ["america"] = "united states", ["uk"] = "united kingdom", ["britain"] = "united kingdom",
        ["great britain"] = "united kingdom", ["people s republic of china"] = "china", ["prc"] = "china", ["czechia"] = "czech republic",
        ["the netherlands"] = "netherlands", ["holland"] = "netherlands", ["burma"] = "myanmar", ["uae"] = "united arab emirates",
        ["türkiye"] = "turkey", ["turkiye"] = "turkey", ["the philippines"] = "philippines",
    };

    private static readonly string[] Honorifics = ["mr", "ms", "mrs", "dr"];

    private static readonly string[] FieldNames = ["countries", "people", "meetings", "delegations", "agreements"];

    public static ExtractionScore Score(IEnumerable<JsonObject> gold, IReadOnlyDictionary<string, JsonObject> predictions)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predictions);
        var counts = FieldNames.ToDictionary(f => f, _ => new int[3]);
        int titles = 0, titlesRight = 0, published = 0, publishedRight = 0, dated = 0, datesRight = 0;
        var differences = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

        foreach (var g in gold)
        {
            var file = Path.GetFileName(Text(g, "file") ?? string.Empty);
            var p = predictions.GetValueOrDefault(file) ?? [];
            var notes = new List<string>();

            if (Text(g, "title") is { Length: > 0 } title)
            {
                titles++;
                if (Fold(title) == Fold(Text(p, "title")))
                {
                    titlesRight++;
                }
                else
                {
                    notes.Add($"title: want '{title}' got '{Text(p, "title")}'");
                }
            }

            if (Text(g, "published") is { Length: > 0 } date)
            {
                published++;
                if ((Text(p, "published") ?? string.Empty).StartsWith(date, StringComparison.Ordinal))
                {
                    publishedRight++;
                }
                else
                {
                    notes.Add($"published: want {date} got {Text(p, "published")}");
                }
            }

            var gc = Countries(g["countries"]);
            var pc = Countries(p["countries"]);
            Add("countries", gc.Intersect(pc).Count(), gc.Count, pc.Count);
            if (!gc.SetEquals(pc))
            {
                notes.Add($"countries: missing [{string.Join(", ", gc.Except(pc))}] extra [{string.Join(", ", pc.Except(gc))}]");
            }

            var gp = Names(g["people"]);
            var pp = Names(p["people"]);
            var hits = MatchPeople(gp, pp);
            Add("people", hits, gp.Count, pp.Count);
            if (hits != gp.Count || hits != pp.Count)
            {
                notes.Add($"people: want [{string.Join(", ", gp)}] got [{string.Join(", ", pp)}]");
            }

            foreach (var (kind, key, dateField) in new[] { ("meetings", "counterpart_countries", "date"), ("delegations", "destinations", "start"), ("agreements", "counterpart_countries", "signed") })
            {
                var ge = Objects(g[kind]);
                var pe = Objects(p[kind]);
                var (matched, withDate, right) = MatchEvents(ge, pe, key, dateField);
                Add(kind, matched, ge.Count, pe.Count);
                dated += withDate;
                datesRight += right;
                if (matched != ge.Count || matched != pe.Count)
                {
                    notes.Add($"{kind}: {matched} matched of {ge.Count} gold, {pe.Count} predicted");
                }
            }

            if (notes.Count > 0)
            {
                differences[file] = notes;
            }
        }

        var fields = counts.Select(c => new FieldScore(c.Key, c.Value[0], c.Value[1], c.Value[2])).ToList();
        return new ExtractionScore(fields, titlesRight, titles, publishedRight, published, datesRight, dated, differences);

        void Add(string field, int tp, int goldCount, int predicted)
        {
            counts[field][0] += tp;
            counts[field][1] += goldCount;
            counts[field][2] += predicted;
        }
    }

    private static string Fold(string? text) => TextFolding.Fold(text);

    private static string Country(string name)
    {
        var key = TextFolding.Fold(name);
        return CountryAliases.GetValueOrDefault(key, key);
    }

    private static HashSet<string> Countries(JsonNode? node) =>
        [.. Strings(node).Where(n => TextFolding.Fold(n).Length > 0).Select(Country)];

    private static List<string> Names(JsonNode? node) =>
        [.. Objects(node).Select(o => Text(o, "name") ?? string.Empty)];

    private static string[] NameTokens(string name) =>
        [.. TextFolding.Fold(name).Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !Honorifics.Contains(t))];

    private static bool SamePerson(string a, string b)
    {
        var ta = NameTokens(a);
        var tb = NameTokens(b);
        if (ta.Length == 0 || tb.Length == 0)
        {
            return false;
        }

        if (ta.SequenceEqual(tb))
        {
            return true;
        }

        var (small, large) = ta.Length <= tb.Length ? (ta, tb) : (tb, ta);
        return small.Length >= 2 && small.All(large.Contains);
    }

    private static int MatchPeople(List<string> gold, List<string> predicted)
    {
        var used = new HashSet<int>();
        var hits = 0;
        foreach (var g in gold)
        {
            for (var i = 0; i < predicted.Count; i++)
            {
                if (!used.Contains(i) && SamePerson(g, predicted[i]))
                {
                    used.Add(i);
                    hits++;
                    break;
                }
            }
        }

        return hits;
    }

    private static (int Matched, int Dated, int Right) MatchEvents(List<JsonObject> gold, List<JsonObject> predicted, string key, string dateField)
    {
        var used = new HashSet<int>();
        int matched = 0, dated = 0, right = 0;
        foreach (var g in gold)
        {
            var gk = Countries(g[key]);
            int? best = null;
            var bestScore = 0.0;
            for (var i = 0; i < predicted.Count; i++)
            {
                if (used.Contains(i))
                {
                    continue;
                }

                var score = Jaccard(gk, Countries(predicted[i][key]));
                if (score > bestScore)
                {
                    best = i;
                    bestScore = score;
                }
            }

            if (best is { } b && bestScore >= 0.5)
            {
                used.Add(b);
                matched++;
                if (Text(g, dateField) is { Length: > 0 } gd)
                {
                    dated++;
                    var pd = Text(predicted[b], dateField) ?? string.Empty;
                    if (pd.StartsWith(gd, StringComparison.Ordinal) || (gd.StartsWith(pd, StringComparison.Ordinal) && pd.Length >= 7))
                    {
                        right++;
                    }
                }
            }
        }

        return (matched, dated, right);
    }

    private static double Jaccard(HashSet<string> a, HashSet<string> b) =>
        a.Count == 0 && b.Count == 0 ? 1 : (double)a.Intersect(b).Count() / a.Union(b).Count();

    private static string? Text(JsonObject o, string key) => o[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.OfType<JsonValue>().Select(v => v.TryGetValue<string>(out var s) ? s : null).OfType<string>() : [];

    private static List<JsonObject> Objects(JsonNode? node) =>
        node is JsonArray array ? [.. array.OfType<JsonObject>()] : [];
}
