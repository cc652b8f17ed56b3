using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MinistryNews.Core.Extraction;

/// <summary>The role a meeting trigger gives the words around it.</summary>
public enum MeetingRole
{
    /// <summary>"met", "held talks": the subject and the object met.</summary>
    Meet,

    /// <summary>"talks with", "a courtesy call on": the object is the other side.</summary>
    Talks,

    /// <summary>"received", "welcomed": the subject hosted the object, a meeting only when someone is received.</summary>
    Host,

    /// <summary>"worked with": a meeting only when a foreign side is named.</summary>
    Weak,
}

/// <summary>
/// The vocabulary of events, kept as data in <c>event-lexicon.json</c>: the triggers of meetings (by the role they give
/// their arguments), of taking part in conferences, of trips, and the kinds of documents with the verbs that make them
/// signed. Each form is compiled into one expression per kind, with no nested or unbounded quantifier, so every one
/// runs in linear time. docs/extraction.md says how to add a trigger.
/// </summary>
public sealed class EventLexicon
{
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    /// <summary>"..." in a form: up to three words of any kind ("paid a ... visit to": "paid an official friendship visit to").</summary>
    private const string AnyWords = @"(?:\s+[\p{L}\p{N}'’-]+){0,3}?";

    private static readonly Lazy<EventLexicon> LazyDefault = new(LoadEmbedded);

    private readonly string[] _documentKinds;

    private EventLexicon(LexiconFile file)
    {
        MeetingTrigger = Compile(
            string.Join('|', file.Meetings.GroupBy(t => t.Role).Select(g => $"(?<{g.Key}>{Alternatives(g.SelectMany(t => t.Forms))})")),
            RegexOptions.IgnoreCase);
        var conferences = file.Conferences;
        ConferenceTrigger = Compile(
            $@"\b(?i:{Alternatives(conferences.Verbs)})\s+(?:the\s+|a\s+|an\s+)?(?<event>(?:[\p{{L}}\p{{N}}'’&-]+\s+){{0,8}}?(?:{string.Join('|', conferences.NamedNouns.Concat(conferences.CommonNouns).Select(Form))}))\b",
            RegexOptions.None);
        TripTrigger = Compile(Alternatives(file.Trips.SelectMany(t => t.Forms)) + @"\s*", RegexOptions.IgnoreCase);
        _documentKinds = [.. file.Documents.Select(d => d.Kind)];
        DocumentNoun = Compile(
            string.Join('|', file.Documents.Select((d, i) => $"(?<k{i}>{Alternatives(d.Forms)})")),
            RegexOptions.IgnoreCase);
        MeetingWords = SearchValues.Create([.. file.Meetings.SelectMany(t => t.Forms).SelectMany(KeyWords).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        DocumentWords = SearchValues.Create([.. file.Documents.SelectMany(d => d.Forms).SelectMany(KeyWords).Distinct(StringComparer.OrdinalIgnoreCase)], StringComparison.OrdinalIgnoreCase);
        SigningBefore = Compile($@"\b(?:{string.Join('|', file.Signing.Before.Select(Form))})\b", RegexOptions.IgnoreCase);
        SigningAfter = Compile(
            $@"^[^.;]{{0,160}}?\b(?:(?:was|were|had been|has been|have been)\s+)?(?:{string.Join('|', file.Signing.After.Select(Form))})\b",
            RegexOptions.IgnoreCase);
        // A lexicon without such words matches nothing.
        var inForce = file.Signing.InForce is { Count: > 0 } words ? string.Join('|', words.Select(Form)) : "(?!)";
        DocumentInForce = Compile(
            $@"\b(?:{inForce})\s+(?:the|this|that|its|their)\s+(?:[\p{{L}}\p{{N}}'’-]+\s+){{0,3}}$",
            RegexOptions.IgnoreCase);
    }

    public static EventLexicon Default => LazyDefault.Value;

    /// <summary>A meeting told by a verb or a noun; the group that matched (<c>Meet</c>, <c>Talks</c>, <c>Host</c>, <c>Weak</c>) is its role.</summary>
    public Regex MeetingTrigger { get; }

    /// <summary>Words of which every <see cref="MeetingTrigger"/> match holds one: a sentence without any skips the expression.</summary>
    public SearchValues<string> MeetingWords { get; }

    /// <summary>Taking part in a conference, forum or summit; the group <c>event</c> holds its name.</summary>
    public Regex ConferenceTrigger { get; }

    /// <summary>A trip: what follows it is where the subject went.</summary>
    public Regex TripTrigger { get; }

    /// <summary>A document; <see cref="KindOf"/> names its kind.</summary>
    public Regex DocumentNoun { get; }

    /// <summary>Words of which every <see cref="DocumentNoun"/> match holds one: a sentence without any skips the expression.</summary>
    public SearchValues<string> DocumentWords { get; }

    /// <summary>A verb before a document that makes it signed ("signed a MoU").</summary>
    public Regex SigningBefore { get; }

    /// <summary>A verb after a document, in its clause, that makes it signed ("the MoU, signed in 2011").</summary>
    public Regex SigningAfter { get; }

    /// <summary>Words before a document, in its clause, that take it as in force already ("as part of the MoU"): the end of the text before the document.</summary>
    public Regex DocumentInForce { get; }

    /// <summary>Every expression built from the lexicon, by name: the linear-time test runs them all.</summary>
    public IReadOnlyDictionary<string, Regex> Patterns => new Dictionary<string, Regex>(StringComparer.Ordinal)
    {
        [nameof(MeetingTrigger)] = MeetingTrigger,
        [nameof(ConferenceTrigger)] = ConferenceTrigger,
        [nameof(TripTrigger)] = TripTrigger,
        [nameof(DocumentNoun)] = DocumentNoun,
        [nameof(SigningBefore)] = SigningBefore,
        [nameof(SigningAfter)] = SigningAfter,
        [nameof(DocumentInForce)] = DocumentInForce,
    };

    /// <summary>The role of a <see cref="MeetingTrigger"/> match.</summary>
    public static MeetingRole RoleOf(Match trigger)
    {
        foreach (var role in Enum.GetValues<MeetingRole>())
        {
            if (trigger.Groups[role.ToString()].Success)
            {
                return role;
            }
        }

        throw new ArgumentException("Not a match of the meeting triggers.", nameof(trigger));
    }

    /// <summary>The kind of document a <see cref="DocumentNoun"/> match names ("Memorandum of Understanding").</summary>
    public string KindOf(Match noun)
    {
        for (var i = 0; i < _documentKinds.Length; i++)
        {
            if (noun.Groups[$"k{i}"].Success)
            {
                return _documentKinds[i];
            }
        }

        throw new ArgumentException("Not a match of the document nouns.", nameof(noun));
    }

    /// <summary>Compiles one form: words separated by spaces, a/b for either word, [x y] for words that may be left out, ... for up to three words.</summary>
    public static string Form(string form)
    {
        var pattern = new StringBuilder();
        var tokens = Tokens(form);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token == "...")
            {
                pattern.Append(AnyWords);
            }
            else if (token.StartsWith('['))
            {
                var inner = Form(token[1..^1]);
                pattern.Append(i == 0 ? $@"(?:{inner}\s+)?" : $@"(?:\s+{inner})?");
            }
            else
            {
                // An optional first word carries its own space: "[joint] declaration" is "(?:joint\s+)?declaration".
                pattern.Append(i == 0 || (i == 1 && tokens[0].StartsWith('[')) ? string.Empty : @"\s+");
                pattern.Append("(?:").Append(string.Join('|', token.Split('/').OrderByDescending(w => w.Length).Select(w => Regex.Escape(w).Replace(@"\ ", @"\s+", StringComparison.Ordinal)))).Append(')');
            }
        }

        return pattern.ToString();
    }

    private static string Alternatives(IEnumerable<string> forms) => $@"\b(?:{string.Join('|', forms.Select(Form))})\b";

    private static List<string> Tokens(string form)
    {
        var tokens = new List<string>();
        var depth = 0;
        var current = new StringBuilder();
        foreach (var c in form)
        {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            if (c == ' ' && depth == 0)
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                continue;
            }

            current.Append(c);
        }

        if (depth != 0)
        {
            throw new InvalidDataException($"event-lexicon.json: unbalanced brackets in the form \"{form}\".");
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>
    /// Words one of which every match of a form holds, for a quick test before the expression runs: the alternatives of
    /// its first required word that is not a common one ("cooperation document" is tested by "document", not by
    /// "cooperation", which most sentences hold; "held talks" by "talks").
    /// </summary>
    private static IEnumerable<string> KeyWords(string form)
    {
        var required = Tokens(form).Where(t => t != "..." && !t.StartsWith('[')).ToList();
        var key = required.FirstOrDefault(t => !t.Split('/').Any(CommonWords.Contains)) ?? required[0];
        return key.Split('/');
    }

    /// <summary>Words too common to tell a sentence that may hold an event from one that does not.</summary>
    private static readonly HashSet<string> CommonWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "cooperation", "co-operation", "joint", "work", "action", "of", "the", "a", "an", "and", "on", "in", "for", "with", "to",
        "held", "had", "holds", "has", "paid", "pays", "paying", "made", "makes",
    };

    private static Regex Compile(string pattern, RegexOptions options) =>
        new(pattern, Options | options, TimeSpan.FromMilliseconds(PatternMatches.TimeoutMilliseconds));

    private static EventLexicon LoadEmbedded()
    {
        using var stream = typeof(EventLexicon).Assembly.GetManifestResourceStream("MinistryNews.Core.Extraction.event-lexicon.json")
            ?? throw new InvalidOperationException("The embedded event-lexicon.json is missing.");
        var file = JsonSerializer.Deserialize<LexiconFile>(stream, JsonOptions)
            ?? throw new InvalidDataException("event-lexicon.json is empty.");
        return new EventLexicon(file);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip };

    private sealed record Trigger(string Role, IReadOnlyList<string> Forms);

    private sealed record Document(string Kind, IReadOnlyList<string> Forms);

    private sealed record Conferences(IReadOnlyList<string> Verbs, IReadOnlyList<string> NamedNouns, IReadOnlyList<string> CommonNouns);

    private sealed record Signing(IReadOnlyList<string> Before, IReadOnlyList<string> After, IReadOnlyList<string>? InForce);

    private sealed record LexiconFile(
        IReadOnlyList<Trigger> Meetings,
        Conferences Conferences,
        IReadOnlyList<Trigger> Trips,
        IReadOnlyList<Document> Documents,
        Signing Signing);
}
