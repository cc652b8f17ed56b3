using System.Security.Cryptography;

namespace MinistryNews.Web.Browsing;

/// <summary>
/// Addresses of articles and of the sentences facts were read from. An article's address is its key (made from its
/// file's path) and its slug; a sentence's anchor is made from the sentence's text, so a row of any table links to the
/// sentence that states it without reading the article: <c>/articles/{key}/{slug}#fact-1a2b3c4d</c>.
/// </summary>
public static class ArticleLinks
{
    public static string Article(string key, string slug) => $"/articles/{Uri.EscapeDataString(key)}/{slug}";

    /// <summary>The link to the sentence that states a fact, in its article.</summary>
    public static string Fact(string key, string slug, string evidence) => $"{Article(key, slug)}#{FactAnchor(evidence)}";

    /// <summary>The id of a sentence in its article's page: "fact-" and eight hex digits of the SHA-256 of the sentence.</summary>
    public static string FactAnchor(string evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return "fact-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(evidence.Trim())))[..8];
    }
}

/// <summary>
/// The article that tells a fact and the sentence that states it, as a row of an event table links to them: the
/// article's number, key, slug and title, and the sentence.
/// </summary>
/// <param name="Corrected">Whether an editor's correction made or changed the fact (its page marks it "corrected").</param>
public sealed record ArticleReference(int Id, string Key, string Slug, string Title, string Evidence, bool Corrected)
{
    /// <summary>A fact whose article is not known (its mentions went while the row was read): no link, no sentence.</summary>
    public static readonly ArticleReference None = new(0, string.Empty, string.Empty, string.Empty, string.Empty, false);

    /// <summary>The article's page.</summary>
    public string Href => ArticleLinks.Article(Key, Slug);

    /// <summary>The article's page at the sentence that states the fact.</summary>
    public string FactHref => ArticleLinks.Fact(Key, Slug, Evidence);
}
