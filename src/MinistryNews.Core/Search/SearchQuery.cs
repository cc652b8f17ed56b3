using System.Globalization;
using System.Text;

namespace MinistryNews.Core.Search;

/// <summary>
/// A search as the user typed it, turned into an FTS5 query that cannot fail: words and quoted phrases (all must
/// match), a word ending in * matches as a prefix. Everything else the user types — FTS operators, brackets,
/// column names, SQL — is read as plain words, so no input reaches SQLite as syntax.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal) { "AND", "OR", "NOT", "NEAR" };

    private SearchQuery(IReadOnlyList<Term> terms) => Terms = terms;

    /// <summary>A word or a phrase (several words in order); a prefix when the user ended it with *.</summary>
    public sealed record Term(IReadOnlyList<string> Words, bool Prefix);

    public IReadOnlyList<Term> Terms { get; }

    public bool IsEmpty => Terms.Count == 0;

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

    public static SearchQuery Parse(string? input)
    {
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

        return new SearchQuery(terms);
    }

    /// <summary>The FTS5 query over folded text (no accents, đ as d): every term quoted, so it is never syntax.</summary>
    public string ToFolded() => Build(SearchText.Fold);

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

    /// <summary>The PostgreSQL <c>tsquery</c> of the words typed with accents, as typed (see <see cref="ToExact"/>).</summary>
    public string ToExactTsQuery() => BuildTsQuery(w => w.ToLower(CultureInfo.InvariantCulture), Terms
        .Select(t => t with { Words = [.. t.Words.Where(SearchText.IsAccented)] })
        .Where(t => t.Words.Count > 0));

    private static string BuildTsQuery(Func<string, string> form, IEnumerable<Term> terms) =>
        string.Join(" & ", terms.Select(t =>
            string.Join(" <-> ", t.Words.Select(form).SelectMany(w => w.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(w => "'" + w.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'"))
            + (t.Prefix ? ":*" : string.Empty)));

    private string Build(Func<string, string> form) => Build(form, Terms);

    private static string Build(Func<string, string> form, IEnumerable<Term> terms) =>
        string.Join(' ', terms.Select(t => "\"" + string.Join(' ', t.Words.Select(form)).Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (t.Prefix ? "*" : string.Empty)));

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
