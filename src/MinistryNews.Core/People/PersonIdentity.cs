using System.Collections.Frozen;

namespace MinistryNews.Core.People;

/// <summary>
/// When two spellings name one person: the same words in any order; the words of a name of two or more words all
/// inside a longer one ("Takaichi Sanae" in "Saka Takaichi Sanae"); or the same words but one a letter apart, in a word
/// of four letters or more ("Guo Wenmin" and "Guo Weimin"; not "Nguyen Manh Hung" and "Nguyen Thanh Hung").
/// Used within an article by the extraction and across the archive by the store.
/// </summary>
public static class PersonIdentity
{
    private static readonly FrozenSet<string> CoreTitleWords = new[]
    {
        "minister", "president", "ambassador", "director", "secretary", "chairman", "chairwoman", "chair", "chairperson", "head", "chief",
        "governor", "mayor", "commissioner", "consul", "counsellor", "envoy", "representative", "spokesperson", "spokesman", "ceo", "king",
        "queen", "prince", "premier", "chancellor", "speaker", "rector", "administrator", "member", "adviser", "advisor",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The folded words of a name, hyphens split ("lee", "jong", "ho").</summary>
    public static string[] Words(string name) =>
        TextFolding.Fold(name).Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool SameName(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return false;
        }

        var (small, large) = a.Length <= b.Length ? (a, b) : (b, a);
        if (small.All(large.Contains) && (small.Length >= 2 || large.Length == 1))
        {
            return true;
        }

        return a.Length == b.Length && a.Length >= 2
            && a.Zip(b).Count(p => p.First != p.Second) == 1
            && a.Zip(b).All(p => p.First == p.Second || (p.First.Length >= 4 && OneEditApart(p.First, p.Second)));
    }

    public static bool SameName(IEnumerable<string> spellings, IEnumerable<string> others)
    {
        var theirs = others.Select(Words).ToList();
        return spellings.Select(Words).Any(mine => theirs.Any(other => SameName(mine, other)));
    }

    /// <summary>
    /// Titles agree when either is unknown, or they share the office they name (a Deputy Minister who became Minister
    /// is still a minister): a Minister and a Director of the same name are two people.
    /// </summary>
    public static bool TitlesAgree(string? a, string? b)
    {
        if (string.IsNullOrWhiteSpace(a) || string.IsNullOrWhiteSpace(b))
        {
            return true;
        }

        var x = Offices(a);
        var y = Offices(b);
        return x.Count == 0 || y.Count == 0 || x.Overlaps(y);
    }

    private static HashSet<string> Offices(string title) =>
        [.. TextFolding.Fold(title).Replace('-', ' ').Split(' ').Where(CoreTitleWords.Contains)];

    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        int i = 0, j = 0, edits = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                i++;
                j++;
                continue;
            }

            if (++edits > 1)
            {
                return false;
            }

            if (a.Length > b.Length)
            {
                i++;
            }
            else if (b.Length > a.Length)
            {
                j++;
            }
            else
            {
                i++;
                j++;
            }
        }

        return edits + (a.Length - i) + (b.Length - j) <= 1;
    }
}
