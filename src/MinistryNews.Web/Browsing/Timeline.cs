namespace MinistryNews.Web.Browsing;

/// <summary>
/// One entry of a country's or a person's timeline: what happened, when (only when the text says), the article that
/// tells it and the sentence that states it; <paramref name="Fact"/> says which fact it is in a few words.
/// </summary>
public sealed record TimelineEntry(PartialDate? Date, DateSource DateSource, string Kind, string What, string ArticleKey, string ArticleSlug, string ArticleTitle, string Evidence, string Fact)
{
    public string ArticleHref => ArticleLinks.Article(ArticleKey, ArticleSlug);

    public string FactHref => ArticleLinks.Fact(ArticleKey, ArticleSlug, Evidence);
}
