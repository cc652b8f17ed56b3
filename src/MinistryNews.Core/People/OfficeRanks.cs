namespace MinistryNews.Core.People;

/// <summary>
/// The rank a title names ("Deputy Minister of Information and Communications" is a Deputy Minister), read from the
/// title's words: the first rank phrase in it, the longest at that place. What comes before the rank ("Foreign" of
/// "Foreign Minister") is its qualifier; what follows "of" or "for" after it, the portfolio the title names
/// ("Information and Communications"), and for a post of a country, what follows "to" (an "Ambassador to Czechia").
/// </summary>
public static class OfficeRanks
{
    /// <summary>A rank: its folded phrases, the name pages show, and whether a country alone makes its office (an Ambassador of Japan).</summary>
    public sealed record Rank(string Name, int Seniority, bool OfCountry, params string[] Phrases);

    /// <summary>The ranks, most senior first.</summary>
    public static readonly IReadOnlyList<Rank> All =
    [
        new("President", 0, true, "president"),
        new("Vice President", 1, true, "vice president"),
        new("Prime Minister", 2, true, "prime minister"),
        new("Deputy Prime Minister", 3, true, "deputy prime minister", "vice prime minister"),
        new("Chair", 4, false, "chairman", "chairwoman", "chairperson", "chair"),
        new("Vice Chair", 5, false, "vice chairman", "vice chairwoman", "vice chairperson", "vice chair", "deputy chairman", "deputy chair"),
        new("Minister", 6, false, "minister"),
        new("State Minister", 7, false, "state minister", "minister of state"),
        new("Permanent Deputy Minister", 8, false, "permanent deputy minister"),
        new("Deputy Minister", 9, false, "deputy minister"),
        new("Vice Minister", 10, false, "vice minister"),
        new("Secretary-General", 11, false, "secretary general"),
        new("Deputy Secretary-General", 12, false, "deputy secretary general"),
        new("Permanent Secretary", 13, false, "permanent secretary"),
        new("Under-Secretary", 14, false, "under secretary", "undersecretary"),
        new("Secretary", 15, false, "secretary"),
        new("Ambassador", 16, true, "ambassador"),
        new("Consul General", 17, true, "consul general"),
        new("Consul", 18, true, "consul"),
        new("Minister-Counsellor", 19, true, "minister counsellor", "minister counselor"),
        new("Director General", 20, false, "director general", "general director"),
        new("Deputy Director General", 21, false, "deputy director general", "deputy general director"),
        new("Director", 22, false, "director"),
        new("Deputy Director", 23, false, "deputy director"),
        new("Chief Executive Officer", 24, false, "chief executive officer", "ceo"),
        new("Head", 25, false, "head"),
        new("Governor", 26, false, "governor"),
        new("Commissioner", 27, false, "commissioner"),
        new("Spokesperson", 28, false, "spokesperson", "spokesman", "spokeswoman"),
    ];

    private static readonly (string[] Words, Rank Rank)[] Phrases =
        [.. All.SelectMany(r => r.Phrases.Select(p => (p.Split(' '), r))).OrderByDescending(p => p.Item1.Length)];

    /// <summary>A title read into its rank, the words before it and the portfolio after "of" or "for" (as written).</summary>
    public sealed record ReadTitle(Rank Rank, string? Qualifier, string? Portfolio);

    /// <summary>The rank, qualifier and portfolio of a title; null when it names no rank ("Mr", "Dr").</summary>
    public static ReadTitle? Read(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return null;
        }

        // Each word as written, and its folded parts ("Secretary-General" is "secretary" "general").
        var written = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new List<(string Folded, int Word)>();
        for (var w = 0; w < written.Length; w++)
        {
            foreach (var part in TextFolding.Fold(written[w]).Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                parts.Add((part, w));
            }
        }

        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var (words, rank) in Phrases)
            {
                if (i + words.Length > parts.Count || !words.Select((word, k) => parts[i + k].Folded == word).All(match => match))
                {
                    continue;
                }

                var firstWord = parts[i].Word;
                var lastWord = parts[i + words.Length - 1].Word;
                var qualifier = firstWord > 0 ? string.Join(' ', written[..firstWord]) : null;
                string? portfolio = null;
                if (lastWord + 1 < written.Length && (written[lastWord + 1] is "of" or "for" || (rank.OfCountry && written[lastWord + 1] == "to")))
                {
                    var rest = written[(lastWord + 2)..];
                    if (rest.Length > 0 && rest[0] is "the" or "The")
                    {
                        rest = rest[1..];
                    }

                    portfolio = rest.Length > 0 ? string.Join(' ', rest) : null;
                }

                return new ReadTitle(rank, qualifier, portfolio);
            }
        }

        return null;
    }
}
