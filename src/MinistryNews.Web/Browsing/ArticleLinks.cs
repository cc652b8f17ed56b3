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
