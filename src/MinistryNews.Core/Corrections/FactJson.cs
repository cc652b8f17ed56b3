using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MinistryNews.Core.Extraction;

namespace MinistryNews.Core.Corrections;

/// <summary>
/// A fact as a correction records it: the extraction's own record (<see cref="ExtractedMeeting"/>,
/// <see cref="ExtractedPerson"/>...) in JSON, without the rule that read it. The text is canonical: two facts are the
/// same fact when their texts are equal, which is how a correction finds its fact again in a new reading.
/// </summary>
public static class FactJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new PartialDateConverter(), new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithoutRule } },
    };

    public static string Of<T>(T fact) => JsonSerializer.Serialize(fact, Options);

    /// <exception cref="JsonException">The text is not such a fact.</exception>
    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"'{json}' is no {typeof(T).Name}.");

    /// <summary>The rule that read a fact is how it was read, not what it says: a correction neither records nor compares it.</summary>
    private static void WithoutRule(JsonTypeInfo type)
    {
        for (var i = type.Properties.Count - 1; i >= 0; i--)
        {
            if (type.Properties[i].Name == "rule")
            {
                type.Properties.RemoveAt(i);
            }
        }
    }

    private sealed class PartialDateConverter : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            PartialDate.TryParse(reader.GetString(), out var date) ? date : throw new JsonException($"'{reader.GetString()}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).");

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
