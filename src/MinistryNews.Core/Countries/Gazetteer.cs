using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace MinistryNews.Core.Countries;

/// <summary>A country of the gazetteer: its ISO 3166 alpha-2 code, common English short name, and the other ways texts name it.</summary>
public sealed record CountryEntry(
    string Code,
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Demonyms)
{
    /// <summary>
    /// Capitals and other cities where meetings are held: they place an event, they never make a country a counterpart
    /// on their own. In the data file a city is its name, or the list of its spellings with the usual English one first.
    /// </summary>
    [JsonPropertyName("cities")]
    public IReadOnlyList<CityEntry> CityEntries
    {
        get;
        init
        {
            field = value;
            Cities = [.. value.SelectMany(c => c.Spellings)];
        }
    } = [];

    /// <summary>Every spelling of every city of <see cref="CityEntries"/>, in their order.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Cities { get; private init; } = [];
}

/// <summary>A city: its usual English name and the other ways texts write it ("Ha Noi", "Hà Nội" for Hanoi).</summary>
[JsonConverter(typeof(CityEntryConverter))]
public sealed record CityEntry(string Name, IReadOnlyList<string> Aliases)
{
    public IEnumerable<string> Spellings => Aliases.Prepend(Name);
}

/// <summary>Reads a city written as its name (<c>"Kabul"</c>) or as its spellings (<c>["Hanoi", "Ha Noi", "Hà Nội"]</c>).</summary>
internal sealed class CityEntryConverter : JsonConverter<CityEntry>
{
    public override CityEntry Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new CityEntry(reader.GetString()!, []);
        }

        var spellings = JsonSerializer.Deserialize<List<string>>(ref reader, options);
        return spellings is [var name, .. var aliases] ? new CityEntry(name, aliases) : throw new JsonException("A city needs at least its name.");
    }

    public override void Write(Utf8JsonWriter writer, CityEntry value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Aliases.Count == 0)
        {
            writer.WriteStringValue(value.Name);
            return;
        }

        JsonSerializer.Serialize(writer, value.Spellings.ToList(), options);
    }
}

/// <summary>An international body (ASEAN, ITU, the United Nations): named in the news, never counted as a country.</summary>
public sealed record BodyEntry(string Acronym, string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// The countries the archive knows, kept as data in <c>countries.json</c> (embedded in the assembly),
/// so a missing alias is a one-line change to a data file, not to code.
/// </summary>
public sealed class Gazetteer
{
    private static readonly Lazy<Gazetteer> LazyDefault = new(LoadEmbedded);

    private readonly FrozenDictionary<string, CountryEntry> _byCode;
    private readonly FrozenDictionary<string, CountryEntry> _byName;

    public Gazetteer(IEnumerable<CountryEntry> countries, IEnumerable<BodyEntry>? bodies = null)
    {
        Countries = [.. countries];
        Bodies = [.. bodies ?? []];
        _byCode = Countries.ToFrozenDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, CountryEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var country in Countries)
        {
            foreach (var name in country.Aliases.Prepend(country.Name).Concat(country.Demonyms))
            {
                byName.TryAdd(TextFolding.Fold(name), country);
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static Gazetteer Default => LazyDefault.Value;

    public IReadOnlyList<CountryEntry> Countries { get; }

    public IReadOnlyList<BodyEntry> Bodies { get; }

    /// <summary>Every spelling the gazetteer knows (names, aliases, demonyms), folded, with its country.</summary>
    public IEnumerable<KeyValuePair<string, CountryEntry>> Spellings => _byName;

    public CountryEntry? FindByCode(string code) => _byCode.GetValueOrDefault(code);

    public CountryEntry GetByCode(string code) =>
        FindByCode(code) ?? throw new KeyNotFoundException($"The gazetteer has no country with code '{code}'.");

    /// <summary>Finds a country by any of its names, aliases or demonyms, ignoring case and accents.</summary>
    public CountryEntry? FindByName(string name) => _byName.GetValueOrDefault(TextFolding.Fold(name));

    public static Gazetteer Load(Stream countriesJson, Stream? bodiesJson = null)
    {
        var countries = JsonSerializer.Deserialize<List<CountryEntry>>(countriesJson, JsonOptions)
            ?? throw new InvalidDataException("The gazetteer file is empty.");
        var bodies = bodiesJson is null ? [] : JsonSerializer.Deserialize<List<BodyEntry>>(bodiesJson, JsonOptions) ?? [];
        return new Gazetteer(countries, bodies);
    }

    private static Gazetteer LoadEmbedded()
    {
        using var countries = OpenResource("countries.json");
        using var bodies = OpenResource("bodies.json");
        return Load(countries, bodies);
    }

    private static Stream OpenResource(string name) =>
        typeof(Gazetteer).Assembly.GetManifestResourceStream($"MinistryNews.Core.Countries.{name}")
            ?? throw new InvalidOperationException($"The embedded gazetteer file {name} is missing.");

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
