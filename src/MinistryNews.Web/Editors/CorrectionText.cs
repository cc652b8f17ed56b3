using System.Text.Json;
using MinistryNews.Core.Corrections;
using MinistryNews.Core.Countries;

namespace MinistryNews.Web.Editors;

/// <summary>
/// A correction in words, for its history: what it corrected, and for a change each field that changed with its value
/// before and after ("date: 2022-06-01 → 2022-05-31"). Country codes are shown as names, lists joined.
/// </summary>
public static class CorrectionText
{
    public static string What(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var thing = correction.Kind switch
        {
            CorrectionKind.Published => "publication date",
            CorrectionKind.Country => "country",
            CorrectionKind.Person => "person",
            CorrectionKind.Withdrawal => "article",
            CorrectionKind.PersonName or CorrectionKind.PersonMerge => "person",
            _ => correction.Kind.ToString().ToLowerInvariant(),
        };
        return correction.Kind switch
        {
            CorrectionKind.Withdrawal => "Article withdrawn",
            CorrectionKind.PersonName => "A person's shown name changed",
            CorrectionKind.PersonMerge => "Two people found to be one",
            CorrectionKind.Country or CorrectionKind.Person => correction.Action == CorrectionAction.Add ? $"A {thing} linked to the article" : $"A {thing} unlinked from the article",
            CorrectionKind.Title or CorrectionKind.Published => $"The {thing} changed",
            _ => correction.Action switch
            {
                CorrectionAction.Add => $"A {thing} added",
                CorrectionAction.Remove => $"A {thing} removed",
                _ => $"A {thing} changed",
            },
        };
    }

    /// <summary>The lines that say what changed: for an addition or a removal, the fact; for a change, each field that differs.</summary>
    public static IReadOnlyList<string> Details(Correction correction)
    {
        ArgumentNullException.ThrowIfNull(correction);
        if (correction.Kind == CorrectionKind.Withdrawal)
        {
            return [];
        }

        if (correction.OfPerson)
        {
            try
            {
                var (before, after) = (FactJson.Read<PersonRef>(correction.Before!).Name, FactJson.Read<PersonRef>(correction.After!).Name);
                return [correction.Kind == CorrectionKind.PersonName ? $"name: {before} → {after}" : $"{before} is read as {after}"];
            }
            catch (JsonException)
            {
                return [];
            }
        }

        try
        {
            using var before = correction.Before is null ? null : JsonDocument.Parse(correction.Before);
            using var after = correction.After is null ? null : JsonDocument.Parse(correction.After);
            if (before?.RootElement.ValueKind != JsonValueKind.Object && after?.RootElement.ValueKind != JsonValueKind.Object)
            {
                return [$"{Value(before?.RootElement, correction.Kind)} → {Value(after?.RootElement, correction.Kind)}"];
            }

            if (before is null || after is null)
            {
                return [.. Fields((before ?? after)!.RootElement).Where(f => !IsEmpty(f.Value) && f.Name != "dateSource").Select(f => $"{Label(f.Name)}: {Value(f.Value, correction.Kind)}")];
            }

            var old = Fields(before.RootElement).ToDictionary(f => f.Name, f => f.Value);
            var changed = Fields(after.RootElement).ToDictionary(f => f.Name, f => f.Value);
            return
            [
                .. old.Keys.Union(changed.Keys)
                    .Where(name => name != "dateSource")
                    .Where(name => Value(old.GetValueOrDefault(name), correction.Kind) != Value(changed.GetValueOrDefault(name), correction.Kind))
                    .Select(name => $"{Label(name)}: {Value(old.GetValueOrDefault(name), correction.Kind)} → {Value(changed.GetValueOrDefault(name), correction.Kind)}"),
            ];
        }
        catch (JsonException)
        {
            return [correction.After ?? correction.Before ?? string.Empty];
        }
    }

    private static IEnumerable<(string Name, JsonElement Value)> Fields(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object ? element.EnumerateObject().Select(p => (p.Name, p.Value)) : [];

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 0)
        || (value.ValueKind == JsonValueKind.String && value.GetString() is "");

    private static string Label(string name) => name switch
    {
        "counterpartCountries" => "countries",
        "counterpartOrganisation" => "organisation",
        "signedOn" => "signed on",
        "fromCountry" => "from",
        "countryCode" => "country",
        "valid" => "valid",
        "renews" => "renews",
        _ => name,
    };

    private static string Value(JsonElement? value, CorrectionKind kind)
    {
        if (value is not { } element || IsEmpty(element))
        {
            return "none";
        }

        return element.ValueKind switch
        {
            JsonValueKind.Array => string.Join(", ", element.EnumerateArray().Select(e => Value(e, kind))),
            JsonValueKind.Object => string.Join(", ", Fields(element).Where(f => !IsEmpty(f.Value)).Select(f => $"{Label(f.Name)} {Value(f.Value, kind)}")),
            JsonValueKind.String when element.GetString() is { Length: 2 } code && code.All(char.IsAsciiLetterUpper) && Gazetteer.Default.FindByCode(code) is { } country => country.Name,
            _ => element.ToString(),
        };
    }
}
