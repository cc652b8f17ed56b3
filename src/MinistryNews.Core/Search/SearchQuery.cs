using System.Globalization;
using System.Text;

namespace MinistryNews.Core.Search;

/// <summary>
/// A search as the user typed it, turned into an FTS5 query that cannot fail: words and quoted phrases (all must
/// match), a word ending in * matches as a prefix. Everything else the user types — FTS operators, brackets,
/// column names, SQL — is read as plain words, so no input reaches SQLite as syntax. Words that name a place of the
/// gazetteer ("Việt Nam", "Hanoi") become one term that its other names match too (see <see cref="PlaceNames"/>).
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    private SearchQuery(IReadOnlyList<Term> terms) => Terms = terms;

    /// <summary>A word or a phrase (several words in order); a prefix when the user ended it with *.</summary>
    public sealed record Term(IReadOnlyList<string> Words, bool Prefix)
    {
        /// <summary>The other names of the place the term names, folded: each matches as the term does.</summary>
        public IReadOnlyList<IReadOnlyList<string>> Alternatives { get; init; } = [];
    }

    public IReadOnlyList<Term> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

    /// <summary>Whether a term is a prefix: it matches the words as written, not their stems.</summary>
    public bool HasPrefixes => Terms.Any(t => t.Prefix);

    /// <summary>Whether a term is a word or phrase, matched by its stems and other names.</summary>
    public bool HasWords => Terms.Any(t => !t.Prefix);

    /// <summary>Whether the user typed accents: then matches written the same way rank first.</summary>
    public bool HasDiacritics => Terms.SelectMany(t => t.Words).Any(SearchText.IsAccented);

    /// <summary>A search of at most <see cref="MaxLength"/> characters, cut after its last whole word when it is longer.</summary>
    public static string Clip(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var space = text.LastIndexOf(' ', MaxLength);
        return (space > MaxLength / 2 ? text[..space] : text[..MaxLength]).TrimEnd();
    }

    public static SearchQuery Parse(string? input) => Parse(input, PlaceNames.Default);

    public static SearchQuery Parse(string? input, PlaceNames places)
    {
        ArgumentNullException.ThrowIfNull(places);
        var text = Clip((input ?? string.Empty).Normalize(NormalizationForm.FormC));

        var terms = new List<Term>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] is '"' or '“' or '”')
            {
                var close = text.IndexOfAny(['"', '“', '”'], i + 1);
                var inside = close < 0 ? text[(i + 1)..] : text[(i + 1)..close];
                var words = Words(inside).Select(w => w.Word).ToList();
                if (words.Count > 0)
                {
                    terms.Add(new Term(words, Prefix: close >= 0 && close + 1 < text.Length && text[close + 1] == '*'));
                }

                i = close < 0 ? text.Length : close + 1;
                continue;
            }

            var end = text.IndexOfAny(['"', '“', '”'], i);
            var chunk = end < 0 ? text[i..] : text[i..end];
            foreach (var (word, prefix) in Words(chunk))
            {
                if (!Operators.Contains(word))
                {
                    terms.Add(new Term([word], prefix));
                }
            }

            i = end < 0 ? text.Length : end;
        }

        return new SearchQuery(WithPlaceNames(terms, places));
    }

    /// <summary>
    /// The terms with each run of words that names a place (the longest) made one term, with the place's other names;
    /// a quoted phrase that is a name gets them too. A prefix is never a name.
    /// </summary>
    private static List<Term> WithPlaceNames(List<Term> terms, PlaceNames places)
    {
        var named = new List<Term>(terms.Count);
        var i = 0;
        while (i < terms.Count)
        {
            if (terms[i].Prefix)
            {
                named.Add(terms[i++]);
                continue;
            }

            if (terms[i].Words.Count > 1)
            {
                named.Add(terms[i] with { Alternatives = places.OtherNames(terms[i].Words) });
                i++;
                continue;
            }

            var run = 1;
            while (run < places.LongestName && i + run < terms.Count && terms[i + run] is { Prefix: false, Words.Count: 1 })
            {
                run++;
            }

            while (run > 1 && places.OtherNames(Run(run)).Count == 0)
            {
                run--;
            }

            var words = Run(run);
            named.Add(new Term(words, Prefix: false) { Alternatives = places.OtherNames(words) });
            i += run;
        }

        return named;

        List<string> Run(int count) => [.. terms.Skip(i).Take(count).Select(t => t.Words[0])];
    }

    /// <summary>
    /// The FTS5 query over folded text (no accents, đ as d) as typed, without stems or other names: every term quoted, so
    /// it is never syntax.
    /// </summary>
    public string ToFolded() => Build(SearchText.Fold);

    /// <summary>
    /// The FTS5 query of the words and phrases (not the prefixes) over the stemmed index, each term or one of its other
    /// names: <c>("viet nam" OR "vietnam") AND "minister"</c>. Empty when every term is a prefix.
    /// </summary>
    public string ToStemmed() => string.Join(" AND ", Terms.Where(t => !t.Prefix).Select(t =>
        t.Alternatives.Count == 0
            ? Quote(t.Words.Select(SearchText.Fold))
            : "(" + string.Join(" OR ", t.Alternatives.Prepend([.. t.Words.Select(SearchText.Fold)]).Select(Quote)) + ")"));

    /// <summary>The FTS5 query of the prefix terms over folded text (a stem is no prefix of the word: "informat*" finds "information"). Empty without any.</summary>
    public string ToPrefixes() => Build(SearchText.Fold, Terms.Where(t => t.Prefix));

    /// <summary>
    /// The FTS5 query for the index of accented words: the words typed with accents, as typed (a phrase keeps its
    /// accented words, in order).
    /// </summary>
    public string ToExact() => Build(w => w.ToLower(CultureInfo.InvariantCulture), Terms
        .Select(t => t with { Words = [.. t.Words.Where(SearchText.IsAccented)] })
        .Where(t => t.Words.Count > 0));

    /// <summary>
    /// The PostgreSQL <c>tsquery</c> over folded text: each term a phrase of quoted lexemes (<c>&lt;-&gt;</c>), a prefix
    /// term's last lexeme with <c>:*</c>, every term required (<c>&amp;</c>). Quoted, so it is never syntax either.
    /// </summary>
    public string ToFoldedTsQuery() => BuildTsQuery(SearchText.Fold, Terms);

    /// <summary>The PostgreSQL <c>tsquery</c> of the words and phrases, each term or one of its other names (see <see cref="ToStemmed"/>).</summary>
    public string ToStemmedTsQuery() => string.Join(" & ", Terms.Where(t => !t.Prefix).Select(t =>
        t.Alternatives.Count == 0
            ? TsPhrase(t.Words.Select(SearchText.Fold))
            : "(" + string.Join(" | ", t.Alternatives.Prepend([.. t.Words.Select(SearchText.Fold)]).Select(TsPhrase)) + ")"));

    /// <summary>The PostgreSQL <c>tsquery</c> of the prefix terms over folded text (see <see cref="ToPrefixes"/>).</summary>
    public string ToPrefixTsQuery() => BuildTsQuery(SearchText.Fold, Terms.Where(t => t.Prefix));

    /// <summary>The PostgreSQL <c>tsquery</c> of the words typed with accents, as typed (see <see cref="ToExact"/>).</summary>
    public string ToExactTsQuery() => BuildTsQuery(w => w.ToLower(CultureInfo.InvariantCulture), Terms
        .Select(t => t with { Words = [.. t.Words.Where(SearchText.IsAccented)] })
        .Where(t => t.Words.Count > 0));

    private static string BuildTsQuery(Func<string, string> form, IEnumerable<Term> terms) =>
        string.Join(" & ", terms.Select(t => TsPhrase(t.Words.Select(form)) + (t.Prefix ? ":*" : string.Empty)));

    private static string TsPhrase(IEnumerable<string> words) =>
        string.Join(" <-> ", words.SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => "'" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"));

    private string Build(Func<string, string> form) => Build(form, Terms);

    private static string Build(Func<string, string> form, IEnumerable<Term> terms) =>
        string.Join(' ', terms.Select(t => Quote(t.Words.Select(form)) + (t.Prefix ? "*" : string.Empty)));

    private static string Quote(IEnumerable<string> words) => "\"" + string.Join(' ', words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The words of a text as a search reads them: runs of letters and digits (and their marks).</summary>
    public static IEnumerable<string> WordsOf(string text) => Words(text).Select(w => w.Word);

    /// <summary>The runs of letters and digits of a text, with whether a * ends them.</summary>
    private static IEnumerable<(string Word, bool Prefix)> Words(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || char.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark))
            {
                i++;
            }

            var prefix = i < text.Length && text[i] == '*';
            yield return (text[start..i], prefix);
        }
    }
}
