using System.Text.Json;

namespace MinistryNews.Web.Overviews;

/// <summary>
/// The frame of the world map the overviews draw: which countries have a shape in <c>wwwroot/map/world.svg</c> (the
/// 1:110m shapes of Natural Earth, projected once by <c>Map/build-world-map.mjs</c>) and where each country too small
/// for them is drawn as a dot. The page draws each shape with <c>&lt;use href="/map/world.svg#JP"&gt;</c>: the
/// geometry is a static file the browser keeps, the page carries only the countries' links and shades.
/// </summary>
public sealed class WorldMap
{
    /// <summary>The address of the shapes' file, under the site's root.</summary>
    public const string ShapesPath = "/map/world.svg";

    private WorldMap(int width, int top, int height, IReadOnlySet<string> shapes, IReadOnlyDictionary<string, (double X, double Y)> dots) =>
        (Width, Top, Height, Shapes, Dots) = (width, top, height, shapes, dots);

    /// <summary>The map built into the app (<c>Map/world-map.json</c>).</summary>
    public static WorldMap Instance { get; } = Load();

    public int Width { get; }

    /// <summary>The y of the frame's top edge in the shapes' coordinates (the viewBox starts there).</summary>
    public int Top { get; }

    public int Height { get; }

    /// <summary>The ISO 3166-1 alpha-2 codes of the countries that have a shape.</summary>
    public IReadOnlySet<string> Shapes { get; }

    /// <summary>Where each country without a shape at this scale (Singapore, Malta…) is drawn as a dot, by code.</summary>
    public IReadOnlyDictionary<string, (double X, double Y)> Dots { get; }

    public string ViewBox => FormattableString.Invariant($"0 {Top} {Width} {Height}");

    /// <summary>Whether the map can draw the country, as a shape or a dot.</summary>
    public bool Draws(string code) => Shapes.Contains(code) || Dots.ContainsKey(code);

    private static WorldMap Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("MinistryNews.Web.Map.world-map.json")
            ?? throw new InvalidOperationException("The world map (Map/world-map.json) is not built into the app.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var shapes = root.GetProperty("shapes").EnumerateArray().Select(s => s.GetString()!).ToHashSet(StringComparer.Ordinal);
        var dots = root.GetProperty("dots").EnumerateObject().ToDictionary(d => d.Name, d => (d.Value[0].GetDouble(), d.Value[1].GetDouble() + root.GetProperty("top").GetInt32()), StringComparer.Ordinal);
        return new WorldMap(root.GetProperty("width").GetInt32(), root.GetProperty("top").GetInt32(), root.GetProperty("height").GetInt32(), shapes, dots);
    }
}

/// <summary>A country on a map with what the archive counts with it: meetings, trips (to or from it) and agreements.</summary>
public sealed record MapCountry(Link Country, string Code, int Meetings, int Trips, int Agreements)
{
    public int Total => Meetings + Trips + Agreements;

    /// <summary>What the country's shape says to a screen reader and in its tooltip: "Japan: 12 meetings, 3 trips, 2 agreements".</summary>
    public string Label
    {
        get
        {
            var parts = new List<string>();
            if (Meetings > 0)
            {
                parts.Add(Display.Count(Meetings, "meeting"));
            }

            if (Trips > 0)
            {
                parts.Add(Display.Count(Trips, "trip"));
            }

            if (Agreements > 0)
            {
                parts.Add(Display.Count(Agreements, "agreement"));
            }

            return $"{Country.Name}: {(parts.Count == 0 ? "nothing counted" : string.Join(", ", parts))}";
        }
    }
}

/// <summary>
/// A map of countries shaded by how much the archive counts with each (<see cref="MapCountry.Total"/>), in five shades
/// whose bounds grow geometrically up to the largest count, so that a country met once and one met a thousand times
/// both show; the home country is drawn apart. The page draws it with <c>_WorldMap.cshtml</c>.
/// </summary>
public sealed class PartnerMap
{
    public const int Shades = 5;

    public PartnerMap(string id, string title, IEnumerable<MapCountry> countries, Func<MapCountry, string> href, string? homeCode = ArticleExtractor.HomeCountry)
    {
        ArgumentNullException.ThrowIfNull(countries);
        Id = id;
        Title = title;
        Href = href;
        HomeCode = homeCode;
        Countries = [.. countries.Where(c => c.Total > 0 && c.Code != homeCode).OrderByDescending(c => c.Total).ThenBy(c => c.Country.Name, StringComparer.Ordinal)];
        Bounds = BoundsOf(Countries.Count == 0 ? 0 : Countries[0].Total);
    }

    /// <summary>The prefix of the ids the map's elements take, unique on its page.</summary>
    public string Id { get; }

    public string Title { get; }

    /// <summary>The countries with something counted, most first (the home country left out).</summary>
    public IReadOnlyList<MapCountry> Countries { get; }

    public Func<MapCountry, string> Href { get; }

    public string? HomeCode { get; }

    /// <summary>The upper bound of each shade but the last (which goes to the largest count), ascending.</summary>
    public IReadOnlyList<int> Bounds { get; }

    public WorldMap Frame => WorldMap.Instance;

    /// <summary>The countries the map cannot draw (a territory with no shape or point at this scale): the table lists them.</summary>
    public IEnumerable<MapCountry> NotDrawn => Countries.Where(c => !Frame.Draws(c.Code));

    /// <summary>
    /// The shade of a count, from 1 (least) to <see cref="Shades"/>: the classes take the darkest shades, so that a map
    /// with few classes (every country met once) is as legible as one with all five.
    /// </summary>
    public int Shade(int count)
    {
        var offset = Shades - (Bounds.Count + 1);
        for (var i = 0; i < Bounds.Count; i++)
        {
            if (count <= Bounds[i])
            {
                return offset + i + 1;
            }
        }

        return Shades;
    }

    /// <summary>The legend: each shade with the counts it stands for ("1", "2–4", "5–20").</summary>
    public IEnumerable<(int Shade, string Range)> Legend()
    {
        var low = 1;
        var max = Countries.Count == 0 ? 0 : Countries[0].Total;
        for (var i = 0; i <= Bounds.Count && low <= max; i++)
        {
            var high = i < Bounds.Count ? Bounds[i] : max;
            yield return (Shades - Bounds.Count + i, low == high ? low.ToString(CultureInfo.InvariantCulture) : FormattableString.Invariant($"{low}–{high}"));
            low = high + 1;
        }
    }

    /// <summary>Bounds that grow as the powers of the largest count (its fifth root, its square of that…), distinct and rounded up.</summary>
    private static List<int> BoundsOf(int max)
    {
        var bounds = new List<int>();
        for (var i = 1; i < Shades; i++)
        {
            var bound = (int)Math.Ceiling(Math.Pow(max, i / (double)Shades) - 1e-9);
            if (bound >= 1 && bound < max && (bounds.Count == 0 || bound > bounds[^1]))
            {
                bounds.Add(bound);
            }
        }

        return bounds;
    }
}
