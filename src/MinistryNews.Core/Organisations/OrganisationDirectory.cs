using System.Text.Json;

namespace MinistryNews.Core.Organisations;

/// <summary>
/// A ministry or agency the archive knows by name: its acronym, its country (none for an international body),
/// and its lineage when it was renamed or merged (the Ministry of Posts and Telematics became the Ministry of
/// Information and Communications in 2007, which merged into the Ministry of Science and Technology in 2025).
/// </summary>
public sealed record KnownOrganisation(
    string Key,
    string Name,
    string? Acronym,
    string? Country,
    IReadOnlyList<string> Aliases,
    string? From = null,
    string? Until = null,
    string? Successor = null,
    string? Note = null,
    bool Home = false);

/// <summary>The organisations of <c>organisations.json</c>, found by any name, alias or acronym with their country.</summary>
public sealed class OrganisationDirectory
{
    private static readonly Lazy<OrganisationDirectory> LazyDefault = new(LoadEmbedded);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<(string Name, string? Country), KnownOrganisation> _byName = [];
    private readonly Dictionary<string, List<KnownOrganisation>> _byAcronym = new(StringComparer.Ordinal);

    public OrganisationDirectory(IEnumerable<KnownOrganisation> organisations)
    {
        Organisations = [.. organisations];
        foreach (var organisation in Organisations)
        {
            foreach (var name in organisation.Aliases.Prepend(organisation.Name))
            {
                _byName.TryAdd((TextFolding.Fold(name), organisation.Country), organisation);
            }

            if (organisation.Acronym is { } acronym)
            {
                if (!_byAcronym.TryGetValue(acronym, out var list))
                {
                    _byAcronym[acronym] = list = [];
                }

                list.Add(organisation);
            }
        }
    }

    public static OrganisationDirectory Default => LazyDefault.Value;

    public IReadOnlyList<KnownOrganisation> Organisations { get; }

    public IEnumerable<string> Acronyms => _byAcronym.Keys;

    /// <summary>Every known acronym as a word of its own (not inside brackets, where it repeats a name just read).</summary>
    public System.Text.RegularExpressions.Regex AcronymPattern => _acronymPattern ??= new(
        @"(?<![\p{L}(])(?:" + string.Join('|', _byAcronym.Keys.OrderByDescending(a => a.Length).Select(System.Text.RegularExpressions.Regex.Escape)) + @")(?![\p{L})])",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Compiled);

    private System.Text.RegularExpressions.Regex? _acronymPattern;

    /// <summary>A known organisation by its name in a country (or by a name that only one country's organisation has).</summary>
    public KnownOrganisation? Find(string name, string? country)
    {
        var folded = TextFolding.Fold(name);
        if (_byName.TryGetValue((folded, country), out var found))
        {
            return found;
        }

        if (country is null)
        {
            var matches = _byName.Where(e => e.Key.Name == folded).Select(e => e.Value).Distinct().ToList();
            return matches.Count == 1 ? matches[0] : null;
        }

        return null;
    }

    /// <summary>A known organisation by its acronym, the one of <paramref name="preferredCountry"/> first.</summary>
    public KnownOrganisation? FindByAcronym(string acronym, string? preferredCountry) =>
        _byAcronym.TryGetValue(acronym, out var list)
            ? list.FirstOrDefault(o => o.Country == preferredCountry) ?? (list.Count == 1 ? list[0] : null)
            : null;

    public KnownOrganisation? FindByKey(string key) => Organisations.FirstOrDefault(o => o.Key == key);

    /// <summary>The archive's own ministry in office on a date: the lineage marked "home", by its from and until months.</summary>
    public KnownOrganisation? HomeMinistryOn(PartialDate? date)
    {
        var lineage = Organisations.Where(o => o.Home).ToList();
        if (date is not { } d)
        {
            return null;
        }

        var month = $"{d.Year:D4}-{d.Month ?? 6:D2}";
        return lineage.FirstOrDefault(o => (o.From is null || string.CompareOrdinal(o.From, month) <= 0) && (o.Until is null || string.CompareOrdinal(month, o.Until) <= 0));
    }

    private static OrganisationDirectory LoadEmbedded()
    {
        using var stream = typeof(OrganisationDirectory).Assembly.GetManifestResourceStream("MinistryNews.Core.Organisations.organisations.json")
            ?? throw new InvalidOperationException("The embedded organisations.json is missing.");
        return new OrganisationDirectory(JsonSerializer.Deserialize<List<KnownOrganisation>>(stream, JsonOptions) ?? []);
    }
}
