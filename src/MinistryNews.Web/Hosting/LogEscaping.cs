using System.Buffers;
using Serilog.Core;
using Serilog.Events;

namespace MinistryNews.Web.Hosting;

/// <summary>
/// Escapes control characters in every text a log event carries — a request's path, a Host header, a file name — so
/// that none can forge a log line (CR, LF), colour or rewrite a terminal (ESC and the other C0 and C1 controls) or
/// reorder what a reader sees (bidirectional overrides, line and paragraph separators). Serilog's console output writes
/// strings as they are, so the escaping is done on the values, before any sink: <c>\r</c>, <c>\n</c>, <c>\t</c>,
/// <c>\x1B</c>, <c>\u202E</c>. Backslashes are left as they are.
/// </summary>
public sealed class LogEscaping : ILogEventEnricher
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        "\0\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A\x0B\x0C\x0D\x0E\x0F\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1A\x1B\x1C\x1D\x1E\x1F" +
        "\x7F\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8A\x8B\x8C\x8D\x8E\x8F\x90\x91\x92\x93\x94\x95\x96\x97\x98\x99\x9A\x9B\x9C\x9D\x9E\x9F" +
        "\u2028\u2029" + StoredText.BidiControls);

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);

        // Most events carry nothing to escape: they are left as they are, without a copy.
        List<LogEventProperty>? escaped = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (Escape(value) is { } safe)
            {
                (escaped ??= []).Add(new LogEventProperty(name, safe));
            }
        }

        foreach (var property in escaped ?? [])
        {
            logEvent.AddOrUpdateProperty(property);
        }
    }

    /// <summary><paramref name="text"/> with each control character written as an escape, on one line.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            _ = c switch
            {
                '\r' => builder.Append(@"\r"),
                '\n' => builder.Append(@"\n"),
                '\t' => builder.Append(@"\t"),
                _ when !Unsafe.Contains(c) => builder.Append(c),
                <= '\xFF' => builder.Append(CultureInfo.InvariantCulture, $@"\x{(int)c:X2}"),
                _ => builder.Append(CultureInfo.InvariantCulture, $@"\u{(int)c:X4}"),
            };
        }

        return builder.ToString();
    }

    /// <summary>The value with its texts escaped, or null when it has none to escape.</summary>
    private static LogEventPropertyValue? Escape(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string text } when Escape(text) is var safe && !ReferenceEquals(safe, text) => new ScalarValue(safe),
        SequenceValue sequence when sequence.Elements.Any(e => Escape(e) is not null) =>
            new SequenceValue(sequence.Elements.Select(e => Escape(e) ?? e)),
        StructureValue structure when structure.Properties.Any(p => Escape(p.Value) is not null) =>
            new StructureValue(structure.Properties.Select(p => new LogEventProperty(p.Name, Escape(p.Value) ?? p.Value)), structure.TypeTag),
        DictionaryValue dictionary when dictionary.Elements.Any(e => Escape(e.Key) is not null || Escape(e.Value) is not null) =>
            new DictionaryValue(dictionary.Elements.Select(e => new KeyValuePair<ScalarValue, LogEventPropertyValue>(
                (ScalarValue?)Escape(e.Key) ?? e.Key, Escape(e.Value) ?? e.Value))),
        _ => null,
    };
}
